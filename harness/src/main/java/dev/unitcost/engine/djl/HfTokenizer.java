package dev.unitcost.engine.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.unitcost.InputException;
import dev.unitcost.model.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A Hugging Face tokenizer.json through DJL's Rust tokenizers binding, with the file's own
 * truncation and padding switched off (the workload decides lengths).
 *
 * <p>Thread safety follows the underlying tokenizer (safe for concurrent encode calls). Close it
 * to free the native handle; close is idempotent.
 */
public final class HfTokenizer implements Tokenizer {

    static {
        DjlSettings.offline();
    }

    private final HuggingFaceTokenizer tokenizer;
    private final long[] prefix;
    private final long[] suffix;
    private boolean closed;

    private HfTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        long[] bare = tokenizer.encode("x", false, false).getIds();
        long[] withSpecials = tokenizer.encode("x", true, false).getIds();
        int start = indexOf(withSpecials, bare);
        this.prefix = Arrays.copyOfRange(withSpecials, 0, Math.max(start, 0));
        this.suffix = start < 0 ? new long[0] : Arrays.copyOfRange(withSpecials, start + bare.length, withSpecials.length);
    }

    /** Loads {@code tokenizer.json}. */
    public static HfTokenizer load(Path tokenizerJson) {
        try {
            return new HfTokenizer(HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optTruncation(false)
                    .optPadding(false)
                    .build());
        } catch (IOException | RuntimeException e) {
            throw new InputException(tokenizerJson + ": not a Hugging Face tokenizer.json (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    @Override
    public long[] encodeSentence(String text) {
        return tokenizer.encode(text, true, false).getIds();
    }

    @Override
    public long[] prefixIds() {
        return prefix.clone();
    }

    @Override
    public long[] suffixIds() {
        return suffix.clone();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tokenizer.close();
        }
    }

    private static int indexOf(long[] haystack, long[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
