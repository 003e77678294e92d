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
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"batchSize", "sequenceLength", "warmupIterations", "repetitions", "batchLatency", "status", "tokensPerSecond", "harnessOverhead"})
public record PointResult(
        int batchSize,
        int sequenceLength,
        int warmupIterations,
        List<RepetitionResult> repetitions,
        LatencySummary batchLatency,
        String status) {

    public PointResult {
        repetitions = List.copyOf(repetitions);
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
