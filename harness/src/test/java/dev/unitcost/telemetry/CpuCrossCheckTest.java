package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * OSHI's CPU figures against the JVM's during a busy run, in forms that hold on any machine at
 * any speed: both clocks count the same process's CPU time (they may differ by OSHI's 10 ms
 * ticks and by the CPU spent between the two reads of one sample, never by a proportion), and
 * the per-core load covers at least our own CPU time and at most every core's.
 *
 * <p>The sampler's overhead is a run-report figure, not a pass/fail criterion: it depends on the
 * machine (0.6–1.4% of a core at 10 Hz on the machines we tried), so the test only checks that
 * it is computed (finite, not negative). {@code SamplerOverhead} measures it for a report.
 */
class CpuCrossCheckTest {

    /** OSHI reads process CPU time in 10 ms ticks, per thread, rounded down at each end. */
    private static final long TICK_NANOS = 10_000_000L;

    @Test
    void oshiAgreesWithTheJvmAndTheOverheadIsReported() {
        int threads = Runtime.getRuntime().availableProcessors();
        CpuCrossCheck c = CpuCrossCheck.run(Duration.ofSeconds(3), threads, Duration.ofMillis(100), Duration.ofSeconds(1));
        String figures = c.toString();

        assertTrue(c.jvmProcessCpuNanos() > 0, "the spinning threads used no CPU: " + figures);
        assertTrue(c.samples() >= 2, "a session always has its first and final sample: " + figures);
        // Two tick roundings per live thread (JVM threads included) and 5% for reads not taken at one instant.
        long slackNanos = 2 * TICK_NANOS * (Thread.activeCount() + threads + 8) + Math.round(0.05 * c.jvmProcessCpuNanos());
        assertTrue(Math.abs(c.oshiProcessCpuNanos() - c.jvmProcessCpuNanos()) <= slackNanos, "OSHI vs JVM process CPU: " + figures);
        // Per-core load is system-wide: it covers our CPU time (others only add), never more than all cores.
        assertTrue(c.coreBusyCpuNanos() >= 0.9 * c.jvmProcessCpuNanos() - slackNanos,
                "per-core load misses our own CPU time: " + figures);
        assertTrue(c.coreBusyCpuNanos() <= 1.05 * c.logicalProcessors() * c.samplerWallNanos(),
                "more than every core busy: " + figures);

        double overhead = c.samplerCpuFraction();
        assertTrue(Double.isFinite(overhead) && overhead >= 0, "sampler overhead must be a figure: " + figures);
    }
}
