package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.telemetry.MemoryBandwidth.Measurement;
import dev.unitcost.telemetry.MemoryBandwidth.Peak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache and fingerprint logic with an injected measurement, and the kernels' bookkeeping: no timing asserted. */
class MemoryBandwidthTest {

    private static final String HERE = "Fake CPU; 16 logical processors; 135291469824 bytes";

    @TempDir
    Path dir;

    private final AtomicInteger measured = new AtomicInteger();
    private final Supplier<Measurement> fake = () -> {
        measured.incrementAndGet();
        return new Measurement(80e9, "copy", Map.of("read", 70e9, "copy", 80e9, "triad", 75e9), 7, 0.03, 16);
    };

    @Test
    void measuresOnceThenReusesTheCacheOnTheSameMachine() {
        Peak first = MemoryBandwidth.peak(dir, false, HERE, fake);
        Peak again = MemoryBandwidth.peak(dir, false, HERE, fake);
        assertEquals(1, measured.get());
        assertFalse(first.fromCache());
        assertTrue(again.fromCache());
        assertEquals(first.bytesPerSecond(), again.bytesPerSecond());
        assertEquals("copy", again.kernel());
        assertEquals(7, again.trials());
        assertEquals(0.03, again.spreadFraction());
        assertEquals(16, again.threads());
        assertEquals(first.measuredAt(), again.measuredAt(), "the date is when it was measured, not read");
        assertEquals(Map.of("read", 70e9, "copy", 80e9, "triad", 75e9), again.kernelBytesPerSecond());
        assertTrue(again.source().contains("cached"), again.source());
        assertTrue(first.source().contains("copy kernel, 16 threads, best of 7 trials"), first.source());
    }

    @Test
    void anotherMachineOrRemeasureMeasuresAgain() {
        MemoryBandwidth.peak(dir, false, HERE, fake);
        Peak other = MemoryBandwidth.peak(dir, false, "Other CPU; 2 logical processors; 8589934592 bytes", fake);
        assertEquals(2, measured.get());
        assertFalse(other.fromCache());
        Peak forced = MemoryBandwidth.peak(dir, true, "Other CPU; 2 logical processors; 8589934592 bytes", fake);
        assertEquals(3, measured.get());
        assertFalse(forced.fromCache());
    }

    @Test
    void aDamagedCacheIsMeasuredOver() throws Exception {
        Files.writeString(dir.resolve(MemoryBandwidth.CACHE_FILE), "{not json");
        Peak p = MemoryBandwidth.peak(dir, false, HERE, fake);
        assertEquals(1, measured.get());
        assertFalse(p.fromCache());
        assertTrue(MemoryBandwidth.peak(dir, false, HERE, fake).fromCache());
    }

    @Test
    void fingerprintNamesModelThreadsAndMemory() {
        HostInfo host = new HostInfo("Fake CPU", 8, 16, 135_291_469_824L, "Linux", java.util.List.of());
        assertEquals(HERE, MemoryBandwidth.fingerprint(host));
    }

    @Test
    void arraysAreFourTimesTheLastLevelCacheWithinTheHeap() {
        assertEquals(512L << 20, MemoryBandwidth.arrayBytes(32L << 20, 16L << 30)); // 4 × 32 MiB is below the floor
        assertEquals(4 * (384L << 20), MemoryBandwidth.arrayBytes(384L << 20, 64L << 30));
        assertEquals((6L << 30) / 6, MemoryBandwidth.arrayBytes(1L << 30, 6L << 30)); // bounded by the heap
    }

    @Test
    void theKernelsReportEveryKernelAndTheBestOne() {
        Measurement m = MemoryBandwidth.measure(1L << 20, 2, 2); // tiny: bookkeeping only, no figure checked
        assertEquals(java.util.List.of("read", "copy", "triad"), java.util.List.copyOf(m.kernelBytesPerSecond().keySet()));
        assertEquals(m.kernelBytesPerSecond().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow(), m.bytesPerSecond());
        assertTrue(m.spreadFraction() >= 0 && m.spreadFraction() <= 1);
        assertEquals(2, m.threads());
    }

    @Test
    void kernelsComputeWhatStreamComputes() {
        double[] a = new double[10];
        double[] b = new double[10];
        double[] c = new double[10];
        StreamKernels.fill(a, b, c, 0, 10);
        assertEquals(45.0, StreamKernels.read(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 10));
        StreamKernels.copy(a, c, 0, 10);
        assertEquals(1.0, c[9]);
        StreamKernels.triad(a, b, c, 0, 10);
        assertEquals(2.0 + StreamKernels.Q * 1.0, a[9]);
    }
}
