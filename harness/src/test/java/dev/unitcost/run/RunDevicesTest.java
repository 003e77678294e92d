package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which devices' energy is the run's: the CPU always; the GPU the run used, as NVML numbers it. */
class RunDevicesTest {

    @Test
    void aCpuRunOwnsOnlyTheCpuEvenOnAGpuHost() {
        assertEquals(Set.of("cpu"), Runner.runDevices("cpu", "0,1"));
    }

    @Test
    void aGpuRunOwnsItsGpuAsNvmlNumbersIt() {
        assertEquals(Set.of("cpu", "gpu0"), Runner.runDevices("cuda", null));
        assertEquals(Set.of("cpu", "gpu1"), Runner.runDevices("cuda:1", ""));
        assertEquals(Set.of("cpu", "gpu3"), Runner.runDevices("cuda:1", "2,3"), "CUDA numbers only the visible devices");
        assertEquals(Set.of("cpu", "gpu0"), Runner.runDevices("cuda:0", "GPU-1a2b"), "a UUID cannot be mapped: the CUDA index stands");
    }
}
