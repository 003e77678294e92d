package dev.unitcost.engine.endpoint;

import dev.unitcost.model.Tokenizer;
import java.util.List;

/**
 * How many output tokens each streamed chunk carried. A chunk's text is not always one token: a
 * server may flush several tokens at once (speculative decoding, a slow reader, detokenisation
 * that holds back an incomplete UTF-8 sequence), so with the model's own tokenizer the client
 * counts what each chunk really carried; without one it can only assume one token per chunk.
 *
 * <p>Counting happens after a stream ends, off the path that timestamps chunks; its time is part
 * of the client's own overhead ({@link StreamOutcome#clientNanos()}).
 */
@FunctionalInterface
public interface TokenCounter {

    /** One count per text, in order; a count may be 0 (a piece that only completes a token). */
    int[] perChunk(List<String> chunkTexts);

    /** One token per chunk: the assumption when no tokenizer is configured. */
    TokenCounter ONE_PER_CHUNK = texts -> {
        int[] counts = new int[texts.size()];
        java.util.Arrays.fill(counts, 1);
        return counts;
    };

    /**
     * Counts with a tokenizer. A chunk is counted in its context, not alone: count(previous chunk +
     * this chunk) − count(previous chunk), floored at 0. Counting a piece alone overcounts where a
     * tokenizer treats the start of a text specially (SentencePiece's leading "▁") or where a
     * token spans a chunk boundary; one chunk of context removes both in practice while keeping the
     * cost linear in the output's length. Over a whole stream the counts add up to the
     * tokenizer's count of the whole text except where a merge reaches back more than one chunk;
     * {@link TokenReconciliation} compares the total with the server's {@code usage}.
     */
    static TokenCounter of(Tokenizer tokenizer) {
        return texts -> {
            int[] counts = new int[texts.size()];
            String previous = "";
            int previousCount = 0;
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                int withContext = tokenizer.encode(previous + text).length;
                counts[i] = Math.max(0, withContext - previousCount);
                previous = text;
                previousCount = text.isEmpty() ? 0 : tokenizer.encode(text).length;
            }
            return counts;
        };
    }
}
