package dev.unitcost.telemetry;

import java.util.List;

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
 */
public record TelemetryTrace(
        String sampler,
        long intervalNanos,
        long startNanos,
        long endNanos,
        List<Sample> samples,
        List<PhaseMark> marks,
        long samplerCpuNanos) {

    public TelemetryTrace {
        samples = List.copyOf(samples);
        marks = List.copyOf(marks);
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("endNanos before startNanos");
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
