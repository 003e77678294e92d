package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds traces from hand-written readings at whole or fractional seconds. */
final class Traces {

    static final long S = 1_000_000_000L;

    private final String sampler;
    private final List<Sample> samples = new ArrayList<>();

    private Traces(String sampler) {
        this.sampler = sampler;
    }

    static Traces of(String sampler) {
        return new Traces(sampler);
    }

    /** A sample at {@code seconds} with alternating name, value pairs. */
    Traces at(double seconds, Object... nameValues) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            v.put((String) nameValues[i], ((Number) nameValues[i + 1]).doubleValue());
        }
        samples.add(new Sample(nanos(seconds), v));
        return this;
    }

    TelemetryTrace trace() {
        long start = samples.isEmpty() ? 0 : samples.get(0).timeNanos();
        long end = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).timeNanos();
        return new TelemetryTrace(sampler, S / 10, start, end, samples, List.of(), (end - start) / 1000);
    }

    static long nanos(double seconds) {
        return Math.round(seconds * S);
    }

    static PhaseWindow phase(String name, double fromSeconds, double toSeconds) {
        return new PhaseWindow(name, nanos(fromSeconds), nanos(toSeconds));
    }
}
