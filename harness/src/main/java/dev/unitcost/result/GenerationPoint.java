package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.unitcost.metrics.GenerationLatencies;
import dev.unitcost.metrics.Spread;
import java.util.List;
import java.util.Objects;

/**
 * One point of a generation sweep.
 *
 * @param latencies TTFT, TPOT, ITL and E2E over every request of every measured batch
 * @param decodeMbu decode memory-bandwidth utilisation at the median TPOT, when a bandwidth is known
 * @param status {@code ok}, {@code out-of-memory}, or {@code failed: reason}
 * @param stoppedBecause why the point stopped repeating; null when it did not run
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"batchSize", "inputLength", "outputLength", "warmupRepetitions", "repetitions", "latencies", "decodeMbu", "status", "stoppedBecause",
    "prefillTokensPerSecond", "decodeTokensPerSecond", "outputTokensPerSecond", "harnessOverhead"})
public record GenerationPoint(
        int batchSize, int inputLength, int outputLength, int warmupRepetitions, List<GenerationRepetition> repetitions,
        GenerationLatencies.Summary latencies, Double decodeMbu, String status,
        String stoppedBecause) {

    public GenerationPoint {
        repetitions = List.copyOf(repetitions);
    }

    /** A point with no record of why it stopped (it did not run, or the report predates adaptive repetitions). */
    public GenerationPoint(int batchSize, int inputLength, int outputLength, int warmupRepetitions, List<GenerationRepetition> repetitions,
            GenerationLatencies.Summary latencies, Double decodeMbu, String status) {
        this(batchSize, inputLength, outputLength, warmupRepetitions, repetitions, latencies, decodeMbu, status, null);
    }

    public boolean ok() {
        return "ok".equals(status);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread prefillTokensPerSecond() {
        return ok() ? Spread.of(repetitions.stream().map(GenerationRepetition::prefillTokensPerSecond).toList()) : null;
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread decodeTokensPerSecond() {
        List<Double> values = repetitions.stream().map(GenerationRepetition::decodeTokensPerSecond).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : Spread.of(values);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread outputTokensPerSecond() {
        return ok() ? Spread.of(repetitions.stream().map(GenerationRepetition::outputTokensPerSecond).toList()) : null;
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread harnessOverhead() {
        return ok() ? Spread.of(repetitions.stream().map(GenerationRepetition::harnessOverheadFraction).toList()) : null;
    }
}
