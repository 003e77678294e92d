package dev.unitcost.telemetry;

import java.util.Map;
import java.util.TreeMap;

/**
 * One reading of several series at one instant.
 *
 * @param timeNanos {@link System#nanoTime()} when read
 * @param values series name to value; every name carries its unit ({@code processCpuNanos},
 *     {@code rssBytes}, {@code cpu0LoadFraction}). A series that could not be read is absent,
 *     never 0 or -1.
 */
public record Sample(long timeNanos, Map<String, Double> values) {

    public Sample {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
        for (var e : values.entrySet()) {
            if (e.getValue() == null || e.getValue().isNaN()) {
                throw new IllegalArgumentException("series " + e.getKey() + " has no value: leave it out instead");
            }
        }
    }
}
