package dev.unitcost.telemetry.ort;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionProvidersTest {

    @Test
    void cpuWorksAndCudaSaysWhyNotWithoutAGpu() {
        List<ExecutionProviders.Status> all = ExecutionProviders.probe();
        assertTrue(all.stream().anyMatch(s -> s.name().equals("CPU") && s.usable()), all.toString());
        ExecutionProviders.Status cuda = all.stream().filter(s -> s.name().equals("CUDA")).findFirst().orElseThrow();
        if (!Files.exists(Path.of("/proc/driver/nvidia"))) {
            assertFalse(cuda.usable(), cuda.toString());
            assertFalse(cuda.detail().isBlank());
        }
    }
}
