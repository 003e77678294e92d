package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerModelTest {

    @Test
    void codeCarbonFallbackFromThreadsAndMemory() {
        PowerModel m = PowerModel.codeCarbonFallback(8, 32_000_000_000L);
        assertEquals(32.0, m.cpuMaxWatts(), 1e-12); // 8 × 4 W
        assertEquals(0.0, m.cpuIdleWatts(), 1e-12);
        assertEquals(12.0, m.memoryWatts(), 1e-12); // 32 GB / 8 × 3 W
        assertEquals(16.0, m.cpuWatts(0.5), 1e-12);
        assertEquals(32.0, m.cpuWatts(1.3), 1e-12); // clamped
        assertTrue(m.basis().contains("CodeCarbon"));
    }

    @Test
    void hostFallbackDescribesTheHostMeasured() {
        long memoryBytes = 126L << 30; // 126 GiB = 135.3 GB
        HostInfo host = new HostInfo("Fake Xeon 16-thread", 8, 16, memoryBytes, "Linux", List.of());
        PowerModel m = host.fallbackPowerModel();
        assertEquals(0.0, m.cpuWatts(0.0), 1e-12);
        assertEquals(64.0, m.cpuWatts(1.0), 1e-12); // 16 threads x 4 W
        assertEquals(3.0 * memoryBytes / 8e9, m.memoryWatts(), 1e-9); // ~50.7 W
        assertTrue(m.basis().startsWith("CodeCarbon fallback"), m.basis());
        assertTrue(m.basis().contains("16 CPU threads"), m.basis());
        assertTrue(m.basis().contains("135.3 GB RAM"), m.basis());
        assertTrue(!m.coversGpus(), "the fallback says nothing about GPUs");
    }

    @Test
    void scalesBetweenIdleAndMax() {
        PowerModel m = new PowerModel(50, 250, 60, 700, 0, "profile x");
        assertEquals(90.0, m.cpuWatts(0.2), 1e-12); // 50 + 200 × 0.2
        assertEquals(380.0, m.gpuWatts(0.5), 1e-12); // 60 + 640 × 0.5
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(100, 50, 0, 0, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(0, 50, 0, 0, -1, "x"));
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(0, 50, 0, 0, 0, " "));
        assertThrows(IllegalArgumentException.class, () -> new PowerModel(0, Double.NaN, 0, 0, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> PowerModel.codeCarbonFallback(0, 1));
    }

    @Test
    void phaseWindowsFromMarks() {
        List<PhaseWindow> w = PhaseWindow.fromMarks(List.of(new PhaseMark(10, "warmup"), new PhaseMark(30, "measure")), 100);
        assertEquals(List.of(new PhaseWindow("warmup", 10, 30), new PhaseWindow("measure", 30, 100)), w);
        assertTrue(!w.get(0).countsTowardTotal() && w.get(1).countsTowardTotal());
        assertThrows(IllegalArgumentException.class,
                () -> PhaseWindow.fromMarks(List.of(new PhaseMark(50, "a"), new PhaseMark(30, "b")), 100));
    }
}
