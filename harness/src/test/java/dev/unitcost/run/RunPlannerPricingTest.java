package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestProject;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.telemetry.HostInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which profile a run is priced on, decided before anything is measured, on a fake host of 16 threads
 * with one H200 (the host where the 2-vCPU default once priced 16 cores without a word).
 */
class RunPlannerPricingTest {

    static final HostInfo H200_HOST = new HostInfo("Intel(R) Xeon(R) Platinum 8480+", 16, 16, 126L << 30, "Linux",
            List.of(new HostInfo.Gpu("NVIDIA H200", "NVIDIA", 141L << 30)));

    @TempDir
    Path dir;
    ProjectLayout layout;

    @BeforeEach
    void project() throws IOException {
        Path root = TestProject.create(dir.resolve("project"));
        Path hw = root.resolve("profiles/hardware");
        Files.writeString(hw.resolve("test-h200.yaml"), """
                type: rented
                name: test-h200
                description: one H200 (test fixture)
                source: test fixture
                asOf: 2026-11-30
                usdPerHour: 3.99
                machine:
                  gpu: H200
                """);
        layout = new ProjectLayout(root, dir.resolve("cache"));
    }

    static RunOptions options(String device, String hardware, String priceAs, BigDecimal usdPerHour) {
        return new RunOptions(null, null, null, device, false, hardware, null, priceAs, usdPerHour, "ort", null, null, null, null, null, 0, true,
                "all",
                1.0, 100, null);
    }

    PlannedRun.Pricing pricing(RunOptions o) {
        RunPlanner planner = new RunPlanner(layout, o, ProgressListener.NONE, H200_HOST);
        return planner.pricing(planner.measuredDevices());
    }

    @Test
    void aGpuRunPicksTheH200ProfileAndSaysWhy() {
        PlannedRun.Pricing p = pricing(options("cuda", null, null, null));
        assertEquals("test-h200", p.hardware().name());
        assertEquals("chosen for this machine: it prices H200 GPUs, and the run used NVIDIA H200", p.choice().why());
        assertNull(p.choice().measuredOn());
    }

    @Test
    void aCpuRunOnThatHostIsNotPricedOnTheGpuOrTheTwoVcpuProfiles() {
        assertNull(pricing(options("cpu", null, null, null)), "no fixture profile has 16 CPU threads: stored unpriced");
    }

    @Test
    void aNamedProfileOfOtherDevicesIsRefusedBeforeMeasuring() {
        HardwareMismatchException e = assertThrows(HardwareMismatchException.class,
                () -> pricing(options("cpu", "test-cpu", null, null)));
        assertEquals("test-cpu", e.profile());
        assertEquals("test-cpu prices 2 CPU threads; the run used 16 CPU threads of Intel(R) Xeon(R) Platinum 8480+", e.expectation());
    }

    @Test
    void priceAsPricesAnotherMachineAndRecordsTheMeasuredOne() {
        PlannedRun.Pricing p = pricing(options("cpu", null, "test-cpu", null));
        assertEquals("test-cpu", p.hardware().name());
        assertEquals("16 CPU threads of Intel(R) Xeon(R) Platinum 8480+", p.choice().measuredOn());
    }

    @Test
    void aPricePerHourDescribesThisMachine() {
        PlannedRun.Pricing p = pricing(options("cpu", null, null, new BigDecimal("1.25")));
        assertEquals("this-machine", p.hardware().name());
        assertEquals(0, new BigDecimal("1.25").compareTo(p.hardware().usdPerHour()));
        assertEquals(16, p.hardware().machine().cpuThreads());
        assertTrue(p.hardware().description().contains("16 CPU threads"), p.hardware().description());
    }
}
