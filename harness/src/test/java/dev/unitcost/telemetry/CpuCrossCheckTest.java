package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On this machine, during a busy run: OSHI's process CPU time agrees with the JVM's within 5%,
 * per-core load accounts for at least our CPU time and at most every core's, and sampling at
 * 10 Hz costs under 1% of one core.
 *
 * <p>The overhead is the sampling thread's CPU time, which contention from other processes on a
 * shared 2-vCPU VM only ever inflates (cold caches, scheduler cost): the test takes the least of
 * up to three warm 3 s runs, as benchmarks take the minimum when noise only adds.
 */
class CpuCrossCheckTest {

    @Test
    void oshiAgreesWithTheJvmAndSamplingIsCheap() {
        int threads = Runtime.getRuntime().availableProcessors();
        List<CpuCrossCheck> runs = new ArrayList<>();
        double leastOverhead = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && leastOverhead >= 0.01; attempt++) {
            CpuCrossCheck c = CpuCrossCheck.run(Duration.ofSeconds(3), threads, Duration.ofMillis(100),
                    attempt == 0 ? Duration.ofSeconds(1) : Duration.ZERO);
            runs.add(c);
            String figures = c.toString();
            assertTrue(c.jvmProcessCpuNanos() > 0.5 * c.wallNanos() / 3, "the run was not busy: " + figures);
            assertTrue(Math.abs(c.oshiVsJvmRelativeDifference()) < 0.05, "OSHI vs JVM process CPU: " + figures);
            // Per-core load is system-wide: it covers our CPU time (others only add), never more than all cores.
            assertTrue(c.coreBusyOverProcessCpu() > 0.9, "per-core load misses our own CPU time: " + figures);
            assertTrue(c.coreBusyCpuNanos() <= 1.05 * c.logicalProcessors() * c.samplerWallNanos(),
                    "more than every core busy: " + figures);
            assertTrue(c.samples() >= 20, "10 Hz for 3 s should give ~30 samples: " + figures);
            leastOverhead = Math.min(leastOverhead, c.samplerCpuFraction());
        }
        assertTrue(leastOverhead < 0.01, "sampler overhead at 10 Hz, least of " + runs);
    }
}
