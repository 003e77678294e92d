package dev.unitcost.workload;

import dev.unitcost.model.Tokenizer;

/**
 * Fixed-length sequences cut from a tokenized corpus: {@code prefix + text tokens + suffix},
 * with no padding, so every token in a batch is a real token an API would bill.
 *
 * <p>The corpus's tokens form one cyclic stream; sequence {@code k} starts where sequence
 * {@code k-1} stopped, so batches are deterministic and different from one another.
 */
public final class PackedBatches {

    private final long[] stream;
    private final long[] prefix;
    private final long[] suffix;
    private final int sequenceLength;
    private int cursor;

    public PackedBatches(Corpus corpus, Tokenizer tokenizer, int sequenceLength) {
        this.prefix = tokenizer.prefixIds();
        this.suffix = tokenizer.suffixIds();
        if (sequenceLength <= prefix.length + suffix.length) {
            throw new IllegalArgumentException("sequenceLength " + sequenceLength + " leaves no room for text after "
                    + (prefix.length + suffix.length) + " special tokens");
        }
        this.sequenceLength = sequenceLength;
        this.stream = tokenizer.encode(String.join("\n", corpus.passages()));
        if (stream.length == 0) {
            throw new IllegalArgumentException(corpus.source() + ": corpus tokenizes to no tokens");
        }
    }

    /** The largest token id the packed sequences can hold (corpus and special tokens), to check against a vocabulary. */
    public long maxTokenId() {
        long max = 0;
        for (long[] ids : new long[][] {stream, prefix, suffix}) {
            for (long id : ids) {
                max = Math.max(max, id);
            }
        }
        return max;
    }

    /** Tokens in the tokenized corpus (one pass). */
    public int corpusTokens() {
        return stream.length;
    }

    /** The next {@code batchSize} sequences. */
    public TokenBatch next(int batchSize) {
        long[][] ids = new long[batchSize][sequenceLength];
        int text = sequenceLength - prefix.length - suffix.length;
        for (int b = 0; b < batchSize; b++) {
            System.arraycopy(prefix, 0, ids[b], 0, prefix.length);
            for (int i = 0; i < text; i++) {
                ids[b][prefix.length + i] = stream[cursor];
                cursor = (cursor + 1) % stream.length;
            }
            System.arraycopy(suffix, 0, ids[b], prefix.length + text, suffix.length);
        }
        return TokenBatch.unpadded(ids);
    }
}
