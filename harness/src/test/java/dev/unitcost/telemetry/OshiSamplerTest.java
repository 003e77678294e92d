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
        assertTrue(samples.size() >= 4, "100 ms for 500 ms: " + samples.size());
        Map<String, Double> first = samples.get(0).values();
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Double> later = samples.get(2).values();
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
        // Slow series come at most once a second: in 500 ms, only the first sample has them.
        assertEquals(1, samples.stream().filter(s -> s.values().containsKey("processCpuNanos")).count());
        assertEquals(List.of(new PhaseMark(trace.marks().get(0).timeNanos(), "measure")), trace.marks());
    }
}
