package dev.unitcost.model;

/**
 * A model's own tokenizer. Token counts in reports come from here, never from a guess.
 *
 * <p>Implementations hold native memory: close them. Thread safety is the implementation's.
 */
public interface Tokenizer extends AutoCloseable {

    /** Token ids of {@code text} without special tokens, untruncated. */
    long[] encode(String text);

    /** Token ids of {@code text} as the model expects one sentence (with [CLS]/[SEP] etc.), untruncated. */
    long[] encodeSentence(String text);

    /** Ids placed before a sentence's tokens (e.g. [CLS]). */
    long[] prefixIds();

    /** Ids placed after a sentence's tokens (e.g. [SEP]). */
    long[] suffixIds();

    @Override
    void close();
}
