package dev.unitcost.telemetry;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Checks OSHI's CPU figures against the JVM's own during a busy run on this machine: process CPU
 * time from OSHI ({@code /proc/<pid>/stat}, 10 ms ticks) against {@code
 * com.sun.management.OperatingSystemMXBean#getProcessCpuTime()} (the kernel's nanosecond process
 * clock), and the per-core load OSHI reports against that CPU time. Also measures the sampler's
 * own CPU cost at the interval given.
 *
 * @param wallNanos length of the busy run
 * @param busyThreads threads spinning during it
 * @param intervalNanos sampling interval
 * @param samples samples taken
 * @param jvmProcessCpuNanos the JVM's process CPU time between the first and last sample that
 *     carry OSHI's process figure, read in the same instants as OSHI's
 * @param oshiProcessCpuNanos OSHI's process CPU time between those two samples
 * @param coreBusyCpuNanos Σ over samples and cores of load × sample gap: CPU time every core
 *     spent busy (all processes), as OSHI's per-core load says
 * @param logicalProcessors cores OSHI reported load for
 * @param samplerCpuNanos CPU time of the sampling thread
 * @param samplerWallNanos how long the sampler ran
 */
public record CpuCrossCheck(
        long wallNanos, int busyThreads, long intervalNanos, int samples, long jvmProcessCpuNanos,
        long oshiProcessCpuNanos, double coreBusyCpuNanos, int logicalProcessors, long samplerCpuNanos,
        long samplerWallNanos) {

    private static final String JVM_CPU = "jvmProcessCpuNanos";

    /** (OSHI − JVM) / JVM process CPU time. */
    public double oshiVsJvmRelativeDifference() {
        return (double) (oshiProcessCpuNanos - jvmProcessCpuNanos) / jvmProcessCpuNanos;
    }

    /** Busy CPU time of all cores per OSHI's per-core load, divided by our process's CPU time. */
    public double coreBusyOverProcessCpu() {
        return coreBusyCpuNanos / jvmProcessCpuNanos;
    }

    /** The sampling thread's CPU time over its run time: the fraction of one core it costs. */
    public double samplerCpuFraction() {
        return (double) samplerCpuNanos / samplerWallNanos;
    }

    /**
     * Spins {@code threads} threads for {@code busy} while OSHI samples every {@code interval}.
     * A non-zero {@code samplerWarmup} first runs a discarded sampling session that long, so the
     * figures are the sampler's steady state, not the JIT compiling it.
     */
    public static CpuCrossCheck run(Duration busy, int threads, Duration interval, Duration samplerWarmup) {
        if (!samplerWarmup.isZero()) {
            OshiSampler.Reader warmReader = OshiSampler.primedReader();
            try (SamplingSession warm = new PeriodicSamplingSession("oshi-warmup", interval, warmReader, Map.of(), warmReader)) {
                sleep(samplerWarmup);
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        TelemetryTrace trace;
        OshiSampler.Reader oshiReader = OshiSampler.primedReader();
        Supplier<Map<String, Double>> both = () -> {
            // The JVM's figure is read in the same instant as OSHI's, in the same sample.
            long jvm = os.getProcessCpuTime();
            Map<String, Double> v = new LinkedHashMap<>(oshiReader.get());
            v.put(JVM_CPU, (double) jvm);
            return v;
        };
        long wall;
        try (SamplingSession session = new PeriodicSamplingSession("oshi", interval, both, Map.of(), oshiReader)) {
            long t0 = System.nanoTime();
            List<Thread> spinners = spin(threads, stop);
            sleep(busy);
            stop.set(true);
            join(spinners);
            wall = System.nanoTime() - t0;
            trace = session.stop();
        }
        List<Sample> s = trace.samples();
        List<Sample> withProcess = s.stream().filter(x -> x.values().containsKey("processCpuNanos")).toList();
        Map<String, Double> first = withProcess.get(0).values();
        Map<String, Double> last = withProcess.get(withProcess.size() - 1).values();
        double oshi = last.get("processCpuNanos") - first.get("processCpuNanos");
        long jvmCpu = Math.round(last.get(JVM_CPU) - first.get(JVM_CPU));
        int cores = 0;
        double busyNanos = 0;
        for (int k = 1; k < s.size(); k++) {
            long gap = s.get(k).timeNanos() - s.get(k - 1).timeNanos();
            int c = 0;
            for (Map.Entry<String, Double> e : s.get(k).values().entrySet()) {
                if (e.getKey().startsWith("cpu") && e.getKey().endsWith(".loadFraction")) {
                    busyNanos += e.getValue() * gap;
                    c++;
                }
            }
            cores = Math.max(cores, c);
        }
        return new CpuCrossCheck(wall, threads, trace.intervalNanos(), s.size(), jvmCpu, Math.round(oshi),
                busyNanos, cores, trace.samplerCpuNanos(), trace.durationNanos());
    }

    /** Where spinning threads publish their result (a volatile write the JIT must keep). */
    @SuppressWarnings("unused")
    private static volatile double sink;

    private static List<Thread> spin(int threads, AtomicBoolean stop) {
        List<Thread> out = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                double x = 1;
                while (!stop.get()) {
                    x = Math.sin(x) + 1.0000001; // work the JIT cannot drop: x is published below
                }
                sink = x; // published, so the JIT cannot drop the loop
            }, "unitcost-crosscheck-" + i);
            t.setDaemon(true);
            t.start();
            out.add(t);
        }
        return out;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
