package dev.unitcost.workload;

import dev.unitcost.model.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prompt text cut from a corpus for a server to read. With the served model's tokenizer a prompt
 * is cut to exactly the asked length in the server's tokens where the text allows it (whole words,
 * then one-token filler words until the count is reached), and its count is the tokenizer's. Without
 * one, a prompt is that many words, and its length in tokens is unknown (-1): the server's usage
 * count is used, else the planned length, labelled an estimate.
 *
 * <p>A shared prefix is the same text at the start of every prompt (so a server's prefix cache
 * can show), followed by text that differs from request to request.
 */
public final class EndpointPrompts {

    /** One prompt: its text and its length in the server's tokens (-1 when no tokenizer counted it). */
    public record Prompt(String text, int tokens) {}

    private static final String FILLER = " the";
    private final String[] words;
    private final Tokenizer tokenizer;
    private int cursor;

    /** @param tokenizer the served model's tokenizer, or null to count words */
    public EndpointPrompts(Corpus corpus, Tokenizer tokenizer, long seed) {
        List<String> all = new ArrayList<>();
        for (String passage : corpus.passages()) {
            all.addAll(Arrays.asList(passage.split("\\s+")));
        }
        this.words = all.stream().filter(w -> !w.isEmpty()).toArray(String[]::new);
        this.tokenizer = tokenizer;
        this.cursor = (int) Math.floorMod(seed, (long) words.length);
    }

    /** The common prefix of {@code tokens} tokens (from the corpus's start), the same on every call. */
    public Prompt prefix(int tokens) {
        return tokens == 0 ? new Prompt("", 0) : cut(0, tokens);
    }

    /** A prompt of {@code tokens} tokens: {@code prefix} then fresh text from the corpus, wrapping around. */
    public Prompt next(Prompt prefix, int tokens) {
        int rest = Math.max(1, tokens - Math.max(0, prefix.tokens()));
        Prompt body = cut(cursor, rest);
        cursor = (cursor + rest) % words.length;
        if (prefix.text().isEmpty()) {
            return body;
        }
        String text = prefix.text() + " " + body.text();
        return new Prompt(text, tokenizer == null ? -1 : tokenizer.encode(text).length);
    }

    /** Words from {@code start} until the count is reached. */
    private Prompt cut(int start, int tokens) {
        if (tokenizer == null) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < tokens; i++) {
                b.append(i == 0 ? "" : " ").append(words[(start + i) % words.length]);
            }
            return new Prompt(b.toString(), -1);
        }
        // the most whole words that stay within the count (binary search: tokens grow with words)
        int lo = 0;
        int hi = tokens;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (count(words(start, mid)) <= tokens) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        String text = words(start, lo);
        int n = count(text);
        while (n < tokens) {
            String longer = text + FILLER;
            int m = count(longer);
            if (m > tokens || m <= n) {
                break; // the filler merged or overshot: keep the closest count below, which the report states
            }
            text = longer;
            n = m;
        }
        return new Prompt(text, n);
    }

    private String words(int start, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : " ").append(words[(start + i) % words.length]);
        }
        return b.toString();
    }

    private int count(String text) {
        return text.isEmpty() ? 0 : tokenizer.encode(text).length;
    }
}
