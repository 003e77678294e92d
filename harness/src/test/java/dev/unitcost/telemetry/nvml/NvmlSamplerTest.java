package dev.unitcost.telemetry.nvml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.telemetry.Availability;
import dev.unitcost.telemetry.DeviceEnergy;
import dev.unitcost.telemetry.EnergyAccount;
import dev.unitcost.telemetry.EnergyMethod;
import dev.unitcost.telemetry.EnergyReport;
import dev.unitcost.telemetry.PhaseWindow;
import dev.unitcost.telemetry.Sample;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetryTrace;
import dev.unitcost.telemetry.nvml.RecordedNvml.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class NvmlSamplerTest {

    private static final long S = 1_000_000_000L;

    /** GPU 0 is Volta+ (has the energy counter); GPU 1 is older (power only). */
    private static RecordedNvml twoGpus() {
        return new RecordedNvml(List.of("NVIDIA H100 80GB HBM3", "Tesla P100-PCIE-16GB"), List.of(
                List.of(new Reading(300_000L, 5_000_000L, 50, 1L << 30, 1980, 60),
                        new Reading(100_000L, null, 20, 2L << 30, 1300, 50)),
                List.of(new Reading(400_000L, 5_300_000L, 100, 1L << 30, 1980, 61),
                        new Reading(150_000L, null, 80, 2L << 30, 1300, 51)),
                List.of(new Reading(400_000L, 5_700_000L, 100, 1L << 30, 1980, 62),
                        new Reading(50_000L, null, 10, 2L << 30, 1300, 52))));
    }

    @Test
    void convertsNvmlUnitsAndLeavesUnsupportedOut() {
        RecordedNvml nvml = twoGpus();
        Map<String, Double> v = new NvmlReader(nvml).get();
        assertEquals(300.0, v.get("gpu0.powerUsageWatts"), "no instant field here: the labelled fallback");
        assertFalse(v.containsKey("gpu0.powerWatts"));
        assertEquals(5000.0, v.get("gpu0.energyJoules"));
        assertEquals(0.5, v.get("gpu0.utilizationFraction"));
        assertEquals(1.98e9, v.get("gpu0.smClockHz"));
        assertEquals(1073741824.0, v.get("gpu0.memoryUsedBytes"));
        assertEquals(60.0, v.get("gpu0.temperatureCelsius"));
        assertFalse(v.containsKey("gpu1.energyJoules"), "a GPU without the counter must not report 0 J");
        assertEquals(100.0, v.get("gpu1.powerUsageWatts"));
    }

    @Test
    void aggregatesRecordedReadingsCounterFirstThenIntegratedPower() {
        RecordedNvml nvml = twoGpus();
        NvmlReader reader = new NvmlReader(nvml);
        List<Sample> samples = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            nvml.frame(f);
            samples.add(new Sample(f * S, reader.get()));
        }
        TelemetryTrace trace = new TelemetryTrace("nvml", S, 0, 2 * S, samples, List.of(), 0);
        EnergyReport r = EnergyAccount.account(List.of(trace),
                List.of(new PhaseWindow("warmup", 0, S), new PhaseWindow("measure", S, 2 * S)), null, null);

        DeviceEnergy gpu0 = r.devices().get(0);
        DeviceEnergy gpu1 = r.devices().get(1);
        assertEquals("nvml/gpu0", gpu0.device());
        assertEquals(EnergyMethod.MEASURED, gpu0.method());
        assertEquals(300.0, gpu0.joulesByPhase().get("warmup"), 1e-9); // 5300 − 5000 J
        assertEquals(400.0, gpu0.totalJoules(), 1e-9); // 5700 − 5300 J
        assertEquals(400.0, gpu0.peakWatts().getAsDouble(), 1e-9);
        assertEquals("nvml/gpu1", gpu1.device());
        assertEquals(EnergyMethod.INTEGRATED, gpu1.method());
        assertEquals(125.0, gpu1.joulesByPhase().get("warmup"), 1e-9); // (100 + 150) / 2 × 1 s
        assertEquals(100.0, gpu1.totalJoules(), 1e-9); // (150 + 50) / 2 × 1 s
        assertEquals(150.0, gpu1.peakWatts().getAsDouble(), 1e-9);
        assertEquals(500.0, r.totalJoules().getAsDouble(), 1e-9);
        assertEquals(EnergyMethod.INTEGRATED, r.method());
    }

    @Test
    void opensNvmlOnceForTheSessionAndShutsItDownAtStop() {
        RecordedNvml nvml = twoGpus();
        AtomicInteger opens = new AtomicInteger();
        NvmlSampler sampler = new NvmlSampler(() -> {
            opens.incrementAndGet();
            return nvml;
        });
        TelemetryTrace trace;
        try (SamplingSession s = sampler.start(Duration.ofMillis(10))) {
            s.mark("measure");
            trace = s.stop();
            s.stop();
        }
        assertEquals(1, opens.get());
        assertEquals(1, nvml.closes);
        assertTrue(trace.samples().size() >= 2);
        assertEquals(300.0, trace.samples().get(0).values().get("gpu0.powerUsageWatts"));
        assertTrue(trace.seriesSources().get("gpu0.powerUsageWatts").startsWith("fallback: nvmlDeviceGetPowerUsage"),
                trace.seriesSources().toString());
    }

    /** An H200-like GPU: energy field, instant field and PowerUsage all answer; PowerUsage lags (~1 s average). */
    private static RecordedNvml hopper() {
        return new RecordedNvml(List.of("NVIDIA H200"), List.of(
                List.of(new Reading(80_000L, 1_000_000L, 0, 1L << 30, 1980, 40, 80_000L)),
                List.of(new Reading(80_000L, 1_650_000L, 100, 1L << 30, 1980, 41, 650_000L)),
                List.of(new Reading(300_000L, 2_300_000L, 100, 1L << 30, 1980, 42, 650_000L)),
                List.of(new Reading(650_000L, 2_380_000L, 0, 1L << 30, 1980, 43, 80_000L))), true);
    }

    @Test
    void prefersTheInstantFieldAndTheCounterAndNeverCallsPowerUsage() {
        RecordedNvml nvml = hopper();
        NvmlReader reader = new NvmlReader(nvml);
        Map<String, Double> v = reader.get();
        assertEquals(80.0, v.get("gpu0.powerWatts"));
        assertEquals(1000.0, v.get("gpu0.energyJoules"));
        assertFalse(v.containsKey("gpu0.powerUsageWatts"), "the average is not read when the instant field exists");
        assertEquals(0, nvml.calls("powerUsage"));
        assertEquals(0, nvml.calls("totalEnergy"), "energy and power come in one field call");
        assertEquals(NvmlReader.INSTANT_SOURCE, reader.sources().get("gpu0.powerWatts"));
        assertEquals(NvmlReader.ENERGY_FIELD_SOURCE, reader.sources().get("gpu0.energyJoules"));
    }

    @Test
    void energyComesFromTheCounterEvenWhenPowerIsThere() {
        RecordedNvml nvml = hopper();
        NvmlReader reader = new NvmlReader(nvml);
        List<Sample> samples = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            nvml.frame(f);
            samples.add(new Sample(f * S, reader.get()));
        }
        TelemetryTrace trace = new TelemetryTrace("nvml", S, 0, 3 * S, samples, List.of(), 0, reader.sources());
        EnergyReport r = EnergyAccount.account(List.of(trace), List.of(new PhaseWindow("measure", 0, 3 * S)), null, null);
        DeviceEnergy gpu = r.devices().get(0);
        assertEquals(EnergyMethod.MEASURED, gpu.method());
        assertEquals(1380.0, gpu.totalJoules(), 1e-9); // 2380 − 1000 J, not a trapezoid of either power
        assertTrue(gpu.basis().contains("NVML_FI_DEV_TOTAL_ENERGY_CONSUMPTION"), gpu.basis());
    }

    @Test
    void withoutTheInstantFieldPowerUsageIsALabelledFallback() {
        RecordedNvml nvml = new RecordedNvml(List.of("Tesla V100"), List.of(
                List.of(new Reading(100_000L, null, 50, 1L << 30, 1380, 40)),
                List.of(new Reading(300_000L, null, 50, 1L << 30, 1380, 40))), true);
        NvmlReader reader = new NvmlReader(nvml);
        List<Sample> samples = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            nvml.frame(f);
            samples.add(new Sample(f * S, reader.get()));
        }
        assertFalse(samples.get(0).values().containsKey("gpu0.powerWatts"));
        TelemetryTrace trace = new TelemetryTrace("nvml", S, 0, S, samples, List.of(), 0, reader.sources());
        EnergyReport r = EnergyAccount.account(List.of(trace), List.of(new PhaseWindow("measure", 0, S)), null, null);
        DeviceEnergy gpu = r.devices().get(0);
        assertEquals(EnergyMethod.INTEGRATED, gpu.method());
        assertEquals(200.0, gpu.totalJoules(), 1e-9); // (100 + 300) / 2 × 1 s
        assertTrue(gpu.basis().contains("gpu0.powerUsageWatts"), gpu.basis());
        assertTrue(gpu.basis().contains("fallback: nvmlDeviceGetPowerUsage"), gpu.basis());
    }

    @Test
    void aSampleMakesOneFieldCallPerGpuAndReadsSlowSeriesOnTheirOwnCadence() {
        RecordedNvml nvml = hopper();
        long[] now = {0};
        NvmlReader reader = new NvmlReader(nvml, () -> now[0]);
        nvml.calls.clear(); // leave the one-off probe out
        for (int k = 0; k < 10; k++) { // 10 Hz for 1 s on a fake clock
            now[0] = k * S / 10;
            reader.get();
        }
        assertEquals(10, nvml.calls("fieldValues"));
        assertEquals(2, nvml.calls("utilization")); // at 0 and 500 ms
        assertEquals(1, nvml.calls("memoryInfo"));
        assertEquals(1, nvml.calls("clockInfo"));
        assertEquals(1, nvml.calls("temperature"));
        assertEquals(15, nvml.calls.values().stream().mapToInt(Integer::intValue).sum(), "1.5 calls per sample, was 6");
    }

    @Test
    void unavailableNvmlSaysWhyAndCannotStart() {
        NvmlSampler sampler = new NvmlSampler(() -> {
            throw new NvmlUnavailableException("libnvidia-ml not found (test)");
        });
        Availability a = sampler.availability();
        assertFalse(a.available());
        assertEquals("libnvidia-ml not found (test)", a.reason());
        assertTrue(sampler.gpuNames().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sampler.start(Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("libnvidia-ml not found"));
    }

    @Test
    void realLibraryIsReportedMissingOnAMachineWithoutTheDriver() {
        Assumptions.assumeFalse(Files.exists(Path.of("/proc/driver/nvidia")), "an NVIDIA driver is loaded here");
        Availability a = new NvmlSampler().availability();
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("libnvidia-ml not found"), a.reason());
    }

    @Test
    @Tag("gpu")
    void realGpuReportsPowerAndARisingEnergyCounter() throws Exception {
        NvmlSampler sampler = new NvmlSampler();
        assertTrue(sampler.availability().available(), sampler.availability().reason());
        TelemetryTrace trace;
        try (SamplingSession s = sampler.start(Duration.ofMillis(100))) {
            s.mark("measure");
            Thread.sleep(1500);
            trace = s.stop();
        }
        Map<String, Double> first = trace.samples().get(0).values();
        Map<String, Double> last = trace.samples().get(trace.samples().size() - 1).values();
        Double watts = first.containsKey("gpu0.powerWatts") ? first.get("gpu0.powerWatts") : first.get("gpu0.powerUsageWatts");
        assertTrue(watts != null && watts > 0, first.toString());
        if (first.containsKey("gpu0.energyJoules")) {
            assertTrue(last.get("gpu0.energyJoules") > first.get("gpu0.energyJoules"), last.toString());
        }
        assertFalse(sampler.gpuNames().get(0).isBlank());
    }
}
