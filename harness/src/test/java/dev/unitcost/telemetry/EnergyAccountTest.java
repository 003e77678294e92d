package dev.unitcost.telemetry;

import static dev.unitcost.telemetry.Traces.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Energy accounting against hand-computed trapezoids, counter differences and estimates. */
class EnergyAccountTest {

    private static final double EPS = 1e-9;

    private static TelemetryTrace gpuPower() {
        // 100, 200, 200, 50 W at 0, 1, 2, 3 s
        return Traces.of("nvml")
                .at(0, "gpu0.powerWatts", 100).at(1, "gpu0.powerWatts", 200)
                .at(2, "gpu0.powerWatts", 200).at(3, "gpu0.powerWatts", 50).trace();
    }

    @Test
    void integratesPowerByTrapezoidsPerPhaseAndExcludesWarmup() {
        EnergyReport r = EnergyAccount.account(List.of(gpuPower()),
                List.of(phase("warmup", 0, 1), phase("measure", 1, 3)), null, null);

        DeviceEnergy gpu = r.devices().get(0);
        assertEquals("nvml/gpu0", gpu.device());
        assertEquals(EnergyMethod.INTEGRATED, gpu.method());
        // warmup: (100 + 200) / 2 × 1 s = 150 J
        assertEquals(150.0, gpu.joulesByPhase().get("warmup"), EPS);
        // measure: (200 + 200) / 2 × 1 + (200 + 50) / 2 × 1 = 200 + 125 = 325 J
        assertEquals(325.0, gpu.joulesByPhase().get("measure"), EPS);
        assertEquals(325.0, r.totalJoules().getAsDouble(), EPS);
        assertEquals(162.5, gpu.meanWatts().getAsDouble(), EPS);
        assertEquals(200.0, gpu.peakWatts().getAsDouble(), EPS);
        assertEquals(EnergyMethod.INTEGRATED, r.method());
        assertEquals(162.5, r.meanWatts().getAsDouble(), EPS);
    }

    @Test
    void cutsSegmentsAtPhaseBoundariesInsideThem() {
        EnergyReport r = EnergyAccount.account(List.of(gpuPower()), List.of(phase("measure", 0.5, 2.5)), null, null);
        // at 0.5 s: 150 W; at 2.5 s: 125 W.
        // [0.5,1]: (150+200)/2 × 0.5 = 87.5; [1,2]: 200; [2,2.5]: (200+125)/2 × 0.5 = 81.25
        assertEquals(368.75, r.totalJoules().getAsDouble(), EPS);
    }

    @Test
    void prefersTheCounterOverPowerAndTakesPeakFromItsRate() {
        TelemetryTrace t = Traces.of("nvml")
                .at(0, "gpu0.energyJoules", 1000, "gpu0.powerWatts", 999)
                .at(1, "gpu0.energyJoules", 1100, "gpu0.powerWatts", 999)
                .at(2, "gpu0.energyJoules", 1300, "gpu0.powerWatts", 999)
                .at(3, "gpu0.energyJoules", 1310, "gpu0.powerWatts", 999).trace();
        EnergyReport r = EnergyAccount.account(List.of(t), List.of(phase("warmup", 0, 1), phase("measure", 1, 3)), null, null);
        DeviceEnergy gpu = r.devices().get(0);
        assertEquals(EnergyMethod.MEASURED, gpu.method());
        assertEquals(100.0, gpu.joulesByPhase().get("warmup"), EPS);
        assertEquals(210.0, gpu.totalJoules(), EPS); // 1310 − 1100
        assertEquals(105.0, gpu.meanWatts().getAsDouble(), EPS);
        assertEquals(200.0, gpu.peakWatts().getAsDouble(), EPS); // (1300 − 1100) J over 1 s
        assertEquals("measured", r.method().label());
    }

    @Test
    void interpolatesTheCounterAtBoundariesBetweenSamples() {
        TelemetryTrace t = Traces.of("rapl")
                .at(0, "package-0.energyJoules", 0).at(1, "package-0.energyJoules", 40)
                .at(2, "package-0.energyJoules", 100).trace();
        EnergyReport r = EnergyAccount.account(List.of(t), List.of(phase("measure", 0.25, 1.5)), null, null);
        // at 0.25 s: 10 J; at 1.5 s: 70 J
        assertEquals(60.0, r.totalJoules().getAsDouble(), EPS);
    }

    @Test
    void distrustsACounterThatGoesDownAndFallsBackToPower() {
        TelemetryTrace t = Traces.of("nvml")
                .at(0, "gpu0.energyJoules", 1000, "gpu0.powerWatts", 100)
                .at(1, "gpu0.energyJoules", 1100, "gpu0.powerWatts", 100)
                .at(2, "gpu0.energyJoules", 5, "gpu0.powerWatts", 100).trace();
        EnergyReport r = EnergyAccount.account(List.of(t), List.of(phase("measure", 0, 2)), null, null);
        assertEquals(EnergyMethod.INTEGRATED, r.devices().get(0).method());
        assertEquals(200.0, r.totalJoules().getAsDouble(), EPS);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("went down")), r.notes().toString());
    }

    @Test
    void estimatesFromCpuLoadAndMemoryWhenNothingIsMeasured() {
        // OSHI's first sample has no load (it needs two tick readings)
        TelemetryTrace oshi = Traces.of("oshi")
                .at(0, "processRssBytes", 1e8)
                .at(1, "systemCpuLoadFraction", 0.5).at(2, "systemCpuLoadFraction", 1.0)
                .at(3, "systemCpuLoadFraction", 0.25).trace();
        PowerModel model = PowerModel.codeCarbonFallback(2, 16_000_000_000L); // 8 W CPU max, 6 W memory
        EnergyReport r = EnergyAccount.account(List.of(oshi), List.of(phase("measure", 1, 3)), model, new TokenCounts(100, 50));

        // CPU: 4, 8, 2 W → (4+8)/2 × 1 + (8+2)/2 × 1 = 11 J; memory: 6 W × 2 s = 12 J
        assertEquals(EnergyMethod.ESTIMATED, r.method());
        DeviceEnergy cpu = r.devices().stream().filter(d -> d.device().equals("estimate/cpu")).findFirst().orElseThrow();
        DeviceEnergy mem = r.devices().stream().filter(d -> d.device().equals("estimate/memory")).findFirst().orElseThrow();
        assertEquals(11.0, cpu.totalJoules(), EPS);
        assertEquals(8.0, cpu.peakWatts().getAsDouble(), EPS);
        assertEquals(12.0, mem.totalJoules(), EPS);
        assertEquals(23.0, r.totalJoules().getAsDouble(), EPS);
        assertTrue(cpu.basis().contains("4 W"), cpu.basis());
        assertEquals(23.0 / 150, r.joulesPerToken().getAsDouble(), EPS);
        assertTrue(r.joulesPerInputToken().isEmpty(), "no prefill/decode split: per-input figure must be absent");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("prefill and decode")));
    }

    @Test
    void estimatesOnlyWhatNothingMeasured() {
        TelemetryTrace rapl = Traces.of("rapl")
                .at(0, "package-0.energyJoules", 0).at(2, "package-0.energyJoules", 50).trace();
        TelemetryTrace oshi = Traces.of("oshi")
                .at(0, "systemCpuLoadFraction", 1.0).at(2, "systemCpuLoadFraction", 1.0).trace();
        PowerModel model = new PowerModel(10, 100, 0, 0, 5, "test model");
        EnergyReport r = EnergyAccount.account(List.of(rapl, oshi), List.of(phase("measure", 0, 2)), model, null);
        // CPU measured by RAPL (50 J), memory estimated (5 W × 2 s); no CPU estimate on top
        assertEquals(List.of("rapl/package-0", "estimate/memory"), r.devices().stream().map(DeviceEnergy::device).toList());
        assertEquals(60.0, r.totalJoules().getAsDouble(), EPS);
        assertEquals(EnergyMethod.ESTIMATED, r.method());
    }

    @Test
    void splitsPerInputAndPerOutputTokenAcrossPrefillAndDecode() {
        TelemetryTrace t = Traces.of("nvml")
                .at(0, "gpu0.powerWatts", 100).at(4, "gpu0.powerWatts", 100).trace();
        EnergyReport r = EnergyAccount.account(List.of(t),
                List.of(phase("prefill", 0, 1), phase("decode", 1, 4)), null, new TokenCounts(50, 30));
        assertEquals(100.0 / 50, r.joulesPerInputToken().getAsDouble(), EPS);
        assertEquals(300.0 / 30, r.joulesPerOutputToken().getAsDouble(), EPS);
        assertEquals(400.0 / 80, r.joulesPerToken().getAsDouble(), EPS);
    }

    @Test
    void repeatedPhasesAddUp() {
        TelemetryTrace t = Traces.of("nvml").at(0, "gpu0.powerWatts", 10).at(4, "gpu0.powerWatts", 10).trace();
        EnergyReport r = EnergyAccount.account(List.of(t),
                List.of(phase("prefill", 0, 1), phase("decode", 1, 2), phase("prefill", 2, 3), phase("decode", 3, 4)), null, null);
        assertEquals(2, r.phases().size());
        assertEquals(20.0, r.phases().get(0).joules(), EPS);
        assertEquals(2 * Traces.S, r.phases().get(0).durationNanos());
        assertEquals(40.0, r.totalJoules().getAsDouble(), EPS);
    }

    @Test
    void nothingMeasuredAndNoModelIsAbsentNotZero() {
        TelemetryTrace oshi = Traces.of("oshi").at(0, "processRssBytes", 1).at(1, "processRssBytes", 1).trace();
        EnergyReport r = EnergyAccount.account(List.of(oshi), List.of(phase("measure", 0, 1)), null, new TokenCounts(1, 1));
        assertTrue(r.devices().isEmpty());
        assertTrue(r.totalJoules().isEmpty());
        assertTrue(r.joulesPerToken().isEmpty());
        assertNull(r.method());
        assertFalse(r.notes().isEmpty());
    }

    @Test
    void saysWhenReadingsCoverOnlyPartOfAPhase() {
        TelemetryTrace t = Traces.of("nvml").at(1, "gpu0.powerWatts", 10).at(2, "gpu0.powerWatts", 10).trace();
        EnergyReport r = EnergyAccount.account(List.of(t), List.of(phase("measure", 0, 2)), null, null);
        assertEquals(10.0, r.totalJoules().getAsDouble(), EPS);
        assertEquals(10.0, r.devices().get(0).meanWatts().getAsDouble(), EPS);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("cover 50%")), r.notes().toString());
    }

    @Test
    void reportsSamplerOverheadAsAFractionOfOneCore() {
        TelemetryTrace t = new TelemetryTrace("oshi", 1, 0, 10 * Traces.S, List.of(), List.of(), Traces.S / 20);
        EnergyReport r = EnergyAccount.account(List.of(t), List.of(phase("measure", 0, 10)), null, null);
        assertEquals(0.005, r.samplerCpuFraction().get("oshi"), EPS);
    }

    @Test
    void estimatesAGpuFromItsUtilisationWhenItReportsNoPower() {
        TelemetryTrace nvml = Traces.of("nvml")
                .at(0, "gpu0.utilizationFraction", 0.0).at(1, "gpu0.utilizationFraction", 1.0)
                .at(2, "gpu0.utilizationFraction", 0.5).trace();
        PowerModel model = new PowerModel(0, 0, 50, 350, 0, "a GPU profile");
        EnergyReport r = EnergyAccount.account(List.of(nvml), List.of(phase("measure", 0, 2)), model, null);
        // 50, 350, 200 W → (50+350)/2 × 1 + (350+200)/2 × 1 = 200 + 275 = 475 J
        DeviceEnergy gpu = r.devices().get(0);
        assertEquals("estimate/gpu0", gpu.device());
        assertEquals(EnergyMethod.ESTIMATED, gpu.method());
        assertEquals(475.0, gpu.totalJoules(), EPS);
        assertEquals(350.0, gpu.peakWatts().getAsDouble(), EPS);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("no CPU load")), r.notes().toString());
    }

    @Test
    void saysSoWhenTheModelCoversGpusButNoneWasSampled() {
        TelemetryTrace oshi = Traces.of("oshi")
                .at(0, "systemCpuLoadFraction", 0.5).at(1, "systemCpuLoadFraction", 0.5).trace();
        PowerModel model = new PowerModel(10, 20, 50, 350, 0, "a GPU profile");
        EnergyReport r = EnergyAccount.account(List.of(oshi), List.of(phase("measure", 0, 1)), model, null);
        assertEquals(List.of("estimate/cpu"), r.devices().stream().map(DeviceEnergy::device).toList());
        assertEquals(15.0, r.totalJoules().getAsDouble(), EPS);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("GPU energy not estimated")), r.notes().toString());
    }

    /** A CPU-only run on a host with an idle H200: the GPU's 79 W are the host's, not the run's. */
    private static List<TelemetryTrace> cpuRunBesideAnIdleGpu(double gpuUtilization) {
        TelemetryTrace oshi = Traces.of("oshi")
                .at(0, "systemCpuLoadFraction", 1.0).at(2, "systemCpuLoadFraction", 1.0).trace();
        TelemetryTrace nvml = Traces.of("nvml")
                .at(0, "gpu0.energyJoules", 5000, "gpu0.utilizationFraction", gpuUtilization)
                .at(1, "gpu0.energyJoules", 5079, "gpu0.utilizationFraction", gpuUtilization)
                .at(2, "gpu0.energyJoules", 5158, "gpu0.utilizationFraction", gpuUtilization).trace();
        return List.of(oshi, nvml);
    }

    @Test
    void aCpuRunDoesNotCountAnIdleGpuOfItsHost() {
        PowerModel model = PowerModel.codeCarbonFallback(2, 16_000_000_000L); // CPU 8 W at full load, memory 6 W
        EnergyReport r = EnergyAccount.account(cpuRunBesideAnIdleGpu(0.0), List.of(phase("measure", 0, 2)), model,
                new TokenCounts(10, 18), java.util.Set.of("cpu"));

        DeviceEnergy gpu = r.devices().stream().filter(d -> d.part().equals("gpu0")).findFirst().orElseThrow();
        assertEquals(EnergyScope.HOST_IDLE, gpu.scope());
        assertEquals(EnergyMethod.MEASURED, gpu.method());
        assertEquals(158.0, gpu.totalJoules(), EPS);
        assertEquals(List.of("cpu", "memory"), r.runDevices());
        assertTrue(r.devices().stream().filter(d -> !d.part().equals("gpu0")).allMatch(d -> d.scope() == EnergyScope.RUN));
        // run: CPU 8 W × 2 s + memory 6 W × 2 s = 28 J; the GPU's 158 J only in the host total
        assertEquals(28.0, r.totalJoules().getAsDouble(), EPS);
        assertEquals(28.0 / 28, r.joulesPerToken().getAsDouble(), EPS);
        assertEquals(186.0, r.hostTotalJoules().getAsDouble(), EPS);
        assertEquals(EnergyMethod.ESTIMATED, r.method(), "the run's method is its own devices', not the GPU's counter");
        assertEquals(28.0, r.phases().get(0).joules(), EPS);

        String line = r.summary();
        assertTrue(line.startsWith("energy 28.0 J (run: cpu, memory)"), line);
        assertTrue(line.contains("cpu 16.0 J estimated"), line);
        assertTrue(line.contains("memory 12.0 J estimated"), line);
        assertTrue(line.contains("1.000 J/token over the run's devices (cpu, memory)"), line);
        assertTrue(line.contains("host-idle: gpu0 158.0 J measured"), line);
        assertTrue(line.contains("host total 186.0 J"), line);
        assertFalse(line.contains("run: cpu, memory) — gpu0"), line);
    }

    @Test
    void aBusyGpuTheRunDidNotUseIsHostOther() {
        PowerModel model = PowerModel.codeCarbonFallback(2, 16_000_000_000L);
        EnergyReport r = EnergyAccount.account(cpuRunBesideAnIdleGpu(0.9), List.of(phase("measure", 0, 2)), model, null,
                java.util.Set.of("cpu"));
        DeviceEnergy gpu = r.devices().stream().filter(d -> d.part().equals("gpu0")).findFirst().orElseThrow();
        assertEquals(EnergyScope.HOST_OTHER, gpu.scope());
        assertTrue(r.summary().contains("host-other: gpu0 158.0 J measured"), r.summary());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("gpu0 is not one of the run's devices")), r.notes().toString());
    }

    @Test
    void aGpuRunCountsTheGpu() {
        EnergyReport r = EnergyAccount.account(cpuRunBesideAnIdleGpu(0.9), List.of(phase("measure", 0, 2)), null,
                new TokenCounts(0, 158), java.util.Set.of("cpu", "gpu0"));
        assertEquals(EnergyScope.RUN, r.devices().get(0).scope());
        assertEquals(158.0, r.totalJoules().getAsDouble(), EPS);
        assertEquals(1.0, r.joulesPerToken().getAsDouble(), EPS);
        assertEquals(EnergyMethod.MEASURED, r.method());
        assertEquals("energy 158.0 J (run: cpu, gpu0, memory) — gpu0 158.0 J measured;"
                + " 1.000 J/token over the run's devices (cpu, gpu0, memory)", r.summary());
    }

    @Test
    void onlyOtherDevicesMeasuredGivesNoRunFigureButShowsTheHost() {
        EnergyReport r = EnergyAccount.account(List.of(cpuRunBesideAnIdleGpu(0.0).get(1)), List.of(phase("measure", 0, 2)), null,
                new TokenCounts(1, 1), java.util.Set.of("cpu"));
        assertTrue(r.totalJoules().isEmpty());
        assertTrue(r.joulesPerToken().isEmpty());
        assertNull(r.method());
        assertEquals(158.0, r.hostTotalJoules().getAsDouble(), EPS);
        assertTrue(r.summary().startsWith("energy: no figure for the run (cpu, memory)"), r.summary());
        assertTrue(r.summary().contains("host-idle: gpu0 158.0 J measured"), r.summary());
    }

    @Test
    void partsAreNamedAsTheCallerNamesDevices() {
        assertEquals("cpu", EnergyAccount.partOf("rapl/package-0"));
        assertEquals("memory", EnergyAccount.partOf("rapl/package-0.dram"));
        assertEquals("cpu", EnergyAccount.partOf("estimate/cpu"));
        assertEquals("memory", EnergyAccount.partOf("estimate/memory"));
        assertEquals("gpu1", EnergyAccount.partOf("nvml/gpu1"));
        assertEquals("gpu1", EnergyAccount.partOf("estimate/gpu1"));
    }
}
