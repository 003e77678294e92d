package dev.unitcost.cost;

import java.util.Optional;

/**
 * One measured point of any task, as pricing sees it: where it sits in the sweep and what one
 * device did per busy second there.
 *
 * @param batchSize sequences per batch
 * @param inputLength prompt tokens per sequence
 * @param outputLength generated tokens per sequence; empty for tasks that generate nothing (embeddings)
 * @param throughput median prefill (input) and decode (output) tokens per second
 */
public record PricePoint(int batchSize, int inputLength, Optional<Integer> outputLength, MeasuredThroughput throughput) {

    public PricePoint {
        if (batchSize < 1 || inputLength < 1) {
            throw new IllegalArgumentException("batchSize and inputLength must be >= 1, got " + batchSize + " and " + inputLength);
        }
        outputLength = outputLength == null ? Optional.empty() : outputLength;
        if (throughput.outputTokensPerSecond().isPresent() && outputLength.isEmpty()) {
            throw new IllegalArgumentException("an output rate needs an output length");
        }
    }

    /** Input tokens per output token at this point; empty when nothing is generated. */
    public Optional<Double> inputPerOutput() {
        return outputLength.filter(o -> o > 0).map(o -> inputLength / (double) o);
    }

    /**
     * Busy seconds one device needs per token of a 3:1 mix ({@code 3 / in + 1 / out}), or per input
     * token when nothing is generated: the one figure every "best point" is chosen by.
     */
    public double busySecondsAtConventionalMix() {
        MeasuredThroughput t = throughput;
        return t.outputTokensPerSecond().isEmpty() ? 1.0 / t.inputTokensPerSecond()
                : TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT / t.inputTokensPerSecond() + 1.0 / t.outputTokensPerSecond().getAsDouble();
    }
}
