package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.metrics.Spread;
import java.util.List;

/**
 * One point of a sweep: its settings, every repetition's raw figures, and the batch-latency
 * distribution over all measured batches.
 *
 * @param status {@code ok}, or {@code out-of-memory} / {@code failed: reason} when it could not run
 *     (then there are no repetitions, no latency, and the derived figures are null)
 * @param stoppedBecause why the point stopped repeating (a fixed count, the interval within target, the
 *     maximum repetitions, the time cap); null when it did not run
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"batchSize", "sequenceLength", "warmupIterations", "repetitions", "batchLatency", "status", "stoppedBecause",
    "tokensPerSecond", "harnessOverhead"})
public record PointResult(
        int batchSize,
        int sequenceLength,
        int warmupIterations,
        List<RepetitionResult> repetitions,
        LatencySummary batchLatency,
        String status,
        String stoppedBecause) {

    public PointResult {
        repetitions = List.copyOf(repetitions);
    }

    /** A point with no record of why it stopped (it did not run, or the report predates adaptive repetitions). */
    public PointResult(int batchSize, int sequenceLength, int warmupIterations, List<RepetitionResult> repetitions,
            LatencySummary batchLatency, String status) {
        this(batchSize, sequenceLength, warmupIterations, repetitions, batchLatency, status, null);
    }

    public boolean ok() {
        return "ok".equals(status);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread tokensPerSecond() {
        return !ok() || repetitions.isEmpty() ? null : Spread.of(repetitions.stream().map(RepetitionResult::tokensPerSecond).toList());
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread harnessOverhead() {
        return !ok() || repetitions.isEmpty() ? null : Spread.of(repetitions.stream().map(RepetitionResult::harnessOverheadFraction).toList());
    }
}
