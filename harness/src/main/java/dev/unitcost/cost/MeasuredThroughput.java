package dev.unitcost.cost;

import java.util.OptionalDouble;

/**
 * What one device processed per busy second, as measured: prompt (prefill) tokens and generated
 * (decode) tokens, counted separately because they cost different amounts of time.
 *
 * @param inputTokensPerSecond prompt tokens per second of prefill time (&gt; 0)
 * @param outputTokensPerSecond generated tokens per second of decode time; empty for runs that
 *     generate nothing (embeddings)
 * @param label where the figures came from (a report id, "given on the command line")
 */
public record MeasuredThroughput(double inputTokensPerSecond, OptionalDouble outputTokensPerSecond, String label) {

    public MeasuredThroughput {
        checkRate(inputTokensPerSecond, "inputTokensPerSecond");
        if (outputTokensPerSecond == null) {
            outputTokensPerSecond = OptionalDouble.empty();
        }
        outputTokensPerSecond.ifPresent(v -> checkRate(v, "outputTokensPerSecond"));
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("required: label (where the throughput was measured)");
        }
    }

    public static MeasuredThroughput of(double inputTokensPerSecond, double outputTokensPerSecond, String label) {
        return new MeasuredThroughput(inputTokensPerSecond, OptionalDouble.of(outputTokensPerSecond), label);
    }

    /** A run that only reads tokens (an embedding model). */
    public static MeasuredThroughput inputOnly(double inputTokensPerSecond, String label) {
        return new MeasuredThroughput(inputTokensPerSecond, OptionalDouble.empty(), label);
    }

    /** Busy seconds one device needs for {@code inputTokens} prompt and {@code outputTokens} generated tokens. */
    public double busySeconds(double inputTokens, double outputTokens) {
        double seconds = inputTokens / inputTokensPerSecond;
        if (outputTokens > 0) {
            if (outputTokensPerSecond.isEmpty()) {
                throw new IllegalArgumentException(
                        "output tokens asked of a throughput with no output rate (" + label + ")");
            }
            seconds += outputTokens / outputTokensPerSecond.getAsDouble();
        }
        return seconds;
    }

    private static void checkRate(double v, String field) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be > 0 and finite, got " + v);
        }
    }
}
