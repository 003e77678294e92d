package dev.unitcost.engine;

/**
 * One static batch to generate from.
 *
 * @param promptIds {@code [batch][inputLength]} token ids; all rows the same length
 * @param outputTokens tokens to generate per sequence (the forced length)
 * @param stopAtEos whether a sequence stops at an end-of-sequence token (false: forced length,
 *     as vLLM's benchmarks do)
 */
public record GenerationRequest(long[][] promptIds, int outputTokens, boolean stopAtEos) {

    public GenerationRequest {
        if (promptIds.length == 0 || promptIds[0].length == 0) {
            throw new IllegalArgumentException("a batch needs at least one prompt of at least one token");
        }
        for (long[] row : promptIds) {
            if (row.length != promptIds[0].length) {
                throw new IllegalArgumentException("prompts in a static batch must have the same length");
            }
        }
        if (outputTokens < 1) {
            throw new IllegalArgumentException("outputTokens must be >= 1, got " + outputTokens);
        }
    }

    public int batchSize() {
        return promptIds.length;
    }

    public int inputLength() {
        return promptIds[0].length;
    }
}
