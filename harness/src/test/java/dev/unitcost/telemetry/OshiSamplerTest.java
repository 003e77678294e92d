package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OSHI sampler on this machine: which series come, when, and that unknown sensors stay absent. */
class OshiSamplerTest {

    @Test
    void seriesArriveAtTheirRatesAndUnknownSensorsAreAbsent() throws Exception {
        TelemetryTrace trace;
        try (SamplingSession s = new OshiSampler().start(Duration.ofMillis(100))) {
            s.mark("measure");
            Thread.sleep(500);
            trace = s.stop();
        }
        assertEquals("oshi", trace.sampler());
        List<Sample> samples = trace.samples();
        assertTrue(samples.size() >= 2, "a session always has its first and final sample: " + samples.size());
        Map<String, Double> first = samples.get(0).values();
        int cores = Runtime.getRuntime().availableProcessors();
        // Load needs ticks to pass between two reads: some sample after the first has it.
        Map<String, Double> later = samples.stream().skip(1).map(Sample::values)
                .filter(v -> v.containsKey("systemCpuLoadFraction")).findFirst().orElse(Map.of());
        assertTrue(later.containsKey("systemCpuLoadFraction"), later.toString());
        assertTrue(later.containsKey("cpu" + (cores - 1) + ".loadFraction"), later.toString());
        assertTrue(first.get("processCpuNanos") > 0, first.toString());
        assertTrue(first.get("processRssBytes") > 0, first.toString());
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        assertEquals(total, first.get("memoryUsedBytes") + first.get("memoryAvailableBytes"), 1.0);
        for (Sample s : samples) {
            for (var e : s.values().entrySet()) {
                if (e.getKey().endsWith("loadFraction")) {
                    assertTrue(e.getValue() >= 0 && e.getValue() <= 1, e.toString());
                }
                if (e.getKey().equals("cpuTemperatureCelsius") || e.getKey().equals("cpuFrequencyHz")) {
                    assertTrue(e.getValue() > 0, "an unknown sensor must be absent, not " + e);
                }
            }
        }
        // Slow series come at most once a second, the first sample always: however slowly the machine ran.
        long slow = samples.stream().filter(s -> s.values().containsKey("processCpuNanos")).count();
        assertTrue(samples.get(0).values().containsKey("processCpuNanos"));
        assertTrue(slow <= 1 + trace.durationNanos() / 1_000_000_000L, slow + " slow samples in " + trace.durationNanos() + " ns");
        assertEquals(List.of(new PhaseMark(trace.marks().get(0).timeNanos(), "measure")), trace.marks());
    }
}
