package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.unitcost.metrics.Rates;

/**
 * One measured static batch: raw counts and nanoseconds.
 *
 * @param sequences sequences in the batch
 * @param promptTokens input tokens (batch × input length)
 * @param outputTokens output tokens produced by all sequences
 * @param prefillNanos wall time of the first step (prefill and first token)
 * @param decodeNanos wall time of every later step
 * @param e2eNanos batch start to the last token
 * @param engineNanos time inside the engine's run calls, all steps
 * @param stepNanos wall time of all steps (prefill + decode)
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"sequences", "promptTokens", "outputTokens", "prefillNanos", "decodeNanos", "e2eNanos", "engineNanos", "stepNanos", "prefillTokensPerSecond", "decodeTokensPerSecond", "outputTokensPerSecond", "harnessOverheadFraction"})
public record GenerationRepetition(
        int sequences, long promptTokens, long outputTokens, long prefillNanos, long decodeNanos, long e2eNanos, long engineNanos,
        long stepNanos) {

    public GenerationRepetition {
        if (sequences < 1 || promptTokens < 1 || outputTokens < 1 || prefillNanos < 1 || e2eNanos < 1 || stepNanos < 1) {
            throw new IllegalArgumentException("a repetition needs sequences, tokens and time > 0");
        }
    }

    /** Input tokens / prefill wall time. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double prefillTokensPerSecond() {
        return Rates.perSecond(promptTokens, prefillNanos);
    }

    /** Tokens produced by decode steps (all but each sequence's first) / decode wall time; null with one output token. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Double decodeTokensPerSecond() {
        long decoded = outputTokens - sequences;
        return decoded <= 0 || decodeNanos <= 0 ? null : Rates.perSecond(decoded, decodeNanos);
    }

    /** Output tokens / end-to-end time. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double outputTokensPerSecond() {
        return Rates.perSecond(outputTokens, e2eNanos);
    }

    /** Share of step wall time spent outside the engine's run call. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double harnessOverheadFraction() {
        return Math.max(0, stepNanos - engineNanos) / (double) stepNanos;
    }
}
