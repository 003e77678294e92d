package dev.unitcost.workload;

import dev.unitcost.model.Tokenizer;
import java.util.SplittableRandom;

/**
 * Prompt token ids for generation: seeded random ids from the vocabulary, or windows of a
 * tokenized corpus (no special tokens), each row starting at a different place.
 */
public final class Prompts {

    private final long[] stream;
    private final int vocabSize;
    private final SplittableRandom random;
    private int cursor;

    private Prompts(long[] stream, int vocabSize, long seed) {
        this.stream = stream;
        this.vocabSize = vocabSize;
        this.random = new SplittableRandom(seed);
    }

    /** Uniform random ids in [0, vocabSize). */
    public static Prompts random(int vocabSize, long seed) {
        return new Prompts(null, vocabSize, seed);
    }

    /** Windows of the corpus tokenized by the model's tokenizer; ids must fit the model's vocabulary. */
    public static Prompts fromCorpus(Corpus corpus, Tokenizer tokenizer, int vocabSize, long seed) {
        long[] ids = tokenizer.encode(String.join("\n", corpus.passages()));
        if (ids.length == 0) {
            throw new IllegalArgumentException(corpus.source() + ": corpus tokenizes to no tokens");
        }
        for (long id : ids) {
            if (id >= vocabSize) {
                throw new dev.unitcost.InputException("tokenizer.json produces token id " + id + " but config.json has vocab_size "
                        + vocabSize + ": the tokenizer's vocabulary exceeds the model's");
            }
        }
        return new Prompts(ids, vocabSize, seed);
    }

    /** {@code batch} prompts of {@code length} tokens. */
    public long[][] next(int batch, int length) {
        long[][] rows = new long[batch][length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                if (stream == null) {
                    rows[b][t] = random.nextInt(vocabSize);
                } else {
                    rows[b][t] = stream[cursor];
                    cursor = (cursor + 1) % stream.length;
                }
            }
        }
        return rows;
    }
}
