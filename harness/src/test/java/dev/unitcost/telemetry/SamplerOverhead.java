package dev.unitcost.telemetry;

import dev.unitcost.telemetry.nvml.NvmlSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a sampler's own CPU cost on an otherwise idle machine: not a test (no figure here can
 * pass or fail), a tool whose output goes into notes and issues. One discarded warm-up session
 * (JIT, class loading), then {@code runs} sessions of {@code seconds} each; per run it prints the
 * sampling thread's CPU time per sample and as a share of one core, then the median.
 *
 * <p>Usage: {@code SamplerOverhead oshi|nvml seconds intervalMillis runs}. For NVML without a GPU,
 * point {@code -Djna.library.path} at the stand-in built from {@code nvml-standin/}.
 */
public final class SamplerOverhead {

    private SamplerOverhead() {}

    public static void main(String[] args) throws InterruptedException {
        String which = args[0];
        Duration run = Duration.ofSeconds(Long.parseLong(args[1]));
        Duration interval = Duration.ofMillis(Long.parseLong(args[2]));
        int runs = Integer.parseInt(args[3]);
        TelemetrySampler sampler = which.equals("nvml") ? new NvmlSampler() : new OshiSampler();
        Availability a = sampler.availability();
        if (!a.available()) {
            throw new IllegalStateException(which + " unavailable: " + a.reason());
        }
        try (SamplingSession warm = sampler.start(interval)) {
            Thread.sleep(Math.min(5_000, run.toMillis()));
        }
        List<Double> fractions = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            TelemetryTrace t;
            try (SamplingSession s = sampler.start(interval)) {
                Thread.sleep(run.toMillis());
                t = s.stop();
            }
            double perSampleMicros = t.samplerCpuNanos() / 1e3 / t.samples().size();
            double fraction = (double) t.samplerCpuNanos() / t.durationNanos();
            fractions.add(fraction);
            System.out.printf(Locale.ROOT, "%s run %d: %d samples in %.1f s, sampler CPU %.1f ms, %.0f us/sample, %.2f%% of one core%n",
                    which, r + 1, t.samples().size(), t.durationNanos() / 1e9, t.samplerCpuNanos() / 1e6,
                    perSampleMicros, 100 * fraction);
        }
        List<Double> sorted = fractions.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s median %.2f%% of one core at %d ms (min %.2f%%, max %.2f%%)%n", which,
                100 * sorted.get(sorted.size() / 2), interval.toMillis(), 100 * sorted.get(0), 100 * sorted.get(sorted.size() - 1));
    }
}
