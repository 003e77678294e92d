package dev.unitcost.workload;

import java.util.Arrays;

/**
 * A rectangular batch of token ids for an encoder: {@code [batch][sequence]}.
 *
 * <p>Arrays are not copied (batches are large and built once per sweep point); callers must not
 * change them after construction.
 *
 * @param inputIds token ids
 * @param attentionMask 1 for real tokens, 0 for padding
 * @param tokenTypeIds segment ids (all 0 for a single sentence)
 */
public record TokenBatch(long[][] inputIds, long[][] attentionMask, long[][] tokenTypeIds) {

    public TokenBatch {
        if (inputIds.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        int length = inputIds[0].length;
        if (length == 0) {
            throw new IllegalArgumentException("sequences must hold at least one token");
        }
        if (attentionMask.length != inputIds.length || tokenTypeIds.length != inputIds.length) {
            throw new IllegalArgumentException("inputIds, attentionMask and tokenTypeIds must have the same batch size");
        }
        for (int i = 0; i < inputIds.length; i++) {
            if (inputIds[i].length != length || attentionMask[i].length != length || tokenTypeIds[i].length != length) {
                throw new IllegalArgumentException("row " + i + " is not " + length + " tokens long: batches are rectangular");
            }
        }
    }

    /** A batch with every token real and segment 0. */
    public static TokenBatch unpadded(long[][] inputIds) {
        long[][] mask = new long[inputIds.length][];
        long[][] types = new long[inputIds.length][];
        for (int i = 0; i < inputIds.length; i++) {
            mask[i] = new long[inputIds[i].length];
            Arrays.fill(mask[i], 1L);
            types[i] = new long[inputIds[i].length];
        }
        return new TokenBatch(inputIds, mask, types);
    }

    /** Row-major copy of a rectangular {@code [rows][cols]} array, as engines take tensors. */
    public static long[] flatten(long[][] rows) {
        int cols = rows[0].length;
        long[] flat = new long[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    public int size() {
        return inputIds.length;
    }

    public int sequenceLength() {
        return inputIds[0].length;
    }

    /** Real (unpadded) tokens in the batch: what an API would bill. */
    public long realTokens() {
        long n = 0;
        for (long[] row : attentionMask) {
            for (long m : row) {
                n += m;
            }
        }
        return n;
    }
}
