package dev.unitcost.telemetry;

/** Tokens processed in the counted (non-warm-up) phases, for energy per token. */
public record TokenCounts(long inputTokens, long outputTokens) {

    public TokenCounts {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, got " + inputTokens + "/" + outputTokens);
        }
    }
}
