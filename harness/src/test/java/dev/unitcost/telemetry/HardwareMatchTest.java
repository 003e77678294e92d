package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.telemetry.HardwareMatch.Candidate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HardwareMatchTest {

    private static final List<Candidate> PROFILES = List.of(
            new Candidate("aws-p4de-24xlarge", "8x NVIDIA A100 80GB SXM", "a"),
            new Candidate("aws-p5-48xlarge", "8x NVIDIA H100 SXM 80GB", "b"),
            new Candidate("lambda-h100-pcie", "1x H100 PCIe 80GB", "c"),
            new Candidate("aws-m6i-large", "AWS m6i.large: 2 vCPU (Intel Xeon), 8 GiB", "d"),
            new Candidate("epyc", "1x AMD EPYC 9654 (96 cores), 384 GB RAM", "e"));

    @Test
    void gpuWordsAreTheOnesWithDigits() {
        assertEquals(Set.of("h100", "80gb", "hbm3"), HardwareMatch.gpuWords(List.of("NVIDIA H100 80GB HBM3")));
    }

    @Test
    void gpuNameWinsOverThreads() {
        var m = HardwareMatch.best(2, List.of("NVIDIA H100 80GB HBM3"), PROFILES).orElseThrow();
        // p5 and lambda both name h100 and 80gb; the first in order wins the tie
        assertEquals("aws-p5-48xlarge", m.profile().name());
        assertTrue(m.why().contains("h100"), m.why());
        assertEquals("aws-p4de-24xlarge", HardwareMatch.best(2, List.of("NVIDIA A100-SXM4-80GB"), PROFILES).orElseThrow().profile().name());
    }

    @Test
    void cpuOnlyMatchesOnThreadCount() {
        assertEquals("aws-m6i-large", HardwareMatch.best(2, List.of(), PROFILES).orElseThrow().profile().name());
        assertEquals("epyc", HardwareMatch.best(96, List.of(), PROFILES).orElseThrow().profile().name());
        assertTrue(HardwareMatch.best(12, List.of(), PROFILES).isEmpty());
        assertTrue(HardwareMatch.best(2, List.of(), List.of()).isEmpty());
    }
}
