package dev.unitcost.telemetry;

import java.util.List;
import java.util.Map;

/**
 * Everything one sampler read during a run.
 *
 * @param sampler the sampler's name
 * @param intervalNanos the requested sampling interval
 * @param startNanos when sampling started ({@link System#nanoTime()})
 * @param endNanos when it stopped
 * @param samples readings in time order
 * @param marks phase changes in time order
 * @param samplerCpuNanos CPU time used by the sampling thread itself (its overhead)
 * @param seriesSources for series whose origin matters to a figure (energy, power): series name
 *     to where its values come from, in words; other series are absent here
 */
public record TelemetryTrace(
        String sampler,
        long intervalNanos,
        long startNanos,
        long endNanos,
        List<Sample> samples,
        List<PhaseMark> marks,
        long samplerCpuNanos,
        Map<String, String> seriesSources) {

    public TelemetryTrace {
        seriesSources = Map.copyOf(seriesSources);
        samples = List.copyOf(samples);
        marks = List.copyOf(marks);
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("endNanos before startNanos");
        }
    }

    /** A trace whose series need no source beyond their names. */
    public TelemetryTrace(String sampler, long intervalNanos, long startNanos, long endNanos, List<Sample> samples,
            List<PhaseMark> marks, long samplerCpuNanos) {
        this(sampler, intervalNanos, startNanos, endNanos, samples, marks, samplerCpuNanos, Map.of());
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
