package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.unitcost.metrics.Rates;

/**
 * One measured repetition of a sweep point: raw counts and nanoseconds.
 *
 * @param iterations batches run
 * @param sequences sequences encoded ({@code iterations × batchSize})
 * @param tokens real tokens encoded (no padding)
 * @param elapsedNanos wall time of the repetition, first batch start to last batch end
 * @param engineNanos sum of the engines' own run-call times (the rest is harness overhead)
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"iterations", "sequences", "tokens", "elapsedNanos", "engineNanos", "tokensPerSecond", "sequencesPerSecond", "harnessOverheadFraction"})
public record RepetitionResult(long iterations, long sequences, long tokens, long elapsedNanos, long engineNanos) {

    public RepetitionResult {
        if (iterations < 1 || sequences < 1 || tokens < 1 || elapsedNanos < 1 || engineNanos < 0) {
            throw new IllegalArgumentException("a repetition needs iterations, sequences, tokens and time > 0");
        }
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double tokensPerSecond() {
        return Rates.perSecond(tokens, elapsedNanos);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double sequencesPerSecond() {
        return Rates.perSecond(sequences, elapsedNanos);
    }

    /** Share of wall time spent outside the engine's run call (tensor building, pooling, loop). */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double harnessOverheadFraction() {
        return Math.max(0, elapsedNanos - engineNanos) / (double) elapsedNanos;
    }
}
