package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Prices per unit of text rather than per token: tokenizers split the same text into 10–40% more or
 * fewer tokens, so per-token prices of models with different tokenizers do not compare; per
 * character and per word they do. {@code USD per 1M characters = USD per 1M tokens × tokens / characters}.
 *
 * @param source the text counted, in words
 * @param characters Unicode code points
 * @param words runs of non-space characters
 * @param unspacedLetterShare share of the letters in scripts written without spaces between words
 *     ({@link #unspacedLetterShare(String)}): where it is large, {@code words} undercounts and per-word prices mislead
 * @param lines one per priced side
 */
public record TextPrices(String source, long characters, long words, double unspacedLetterShare, List<Line> lines) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** From this share of unspaced letters on, a per-word price is flagged as not comparable (a tenth: a short quotation is not). */
    public static final double UNSPACED_WARNING = 0.1;

    private static final java.util.Set<Character.UnicodeScript> UNSPACED = java.util.EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI, Character.UnicodeScript.LAO,
            Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR, Character.UnicodeScript.TIBETAN);

    public TextPrices {
        if (!(unspacedLetterShare >= 0 && unspacedLetterShare <= 1)) {
            throw new IllegalArgumentException("unspacedLetterShare must be in [0, 1], got " + unspacedLetterShare);
        }
        if (characters < 1 || words < 1) {
            throw new IllegalArgumentException("the text needs at least one character and one word, got " + characters + " and " + words);
        }
        lines = List.copyOf(lines);
    }

    /**
     * One side's price for the text.
     *
     * @param side {@code API} or {@code self-hosted}
     * @param tokenizer the encoding the text was counted in
     * @param ownTokenizer true when it is the model's own; false when it stood in for one we do not have
     * @param tokens the text in that encoding
     * @param usdPerMillionTokens the side's blended price at the workload's mix
     */
    public record Line(String side, String model, String tokenizer, boolean ownTokenizer, long tokens, BigDecimal usdPerMillionTokens,
            BigDecimal usdPerMillionCharacters, BigDecimal usdPerMillionWords, double tokensPerThousandCharacters) {}

    /** A line for a side whose price per 1M tokens is known and the text counted. */
    public static Line line(String side, String model, String tokenizer, boolean own, long tokens, BigDecimal usdPerMillionTokens,
            long characters, long words) {
        BigDecimal perToken = usdPerMillionTokens.multiply(BigDecimal.valueOf(tokens), MC);
        return new Line(side, model, tokenizer, own, tokens, Money.perMillion(usdPerMillionTokens),
                Money.perMillion(perToken.divide(BigDecimal.valueOf(characters), MC)), Money.perMillion(perToken.divide(BigDecimal.valueOf(words), MC)),
                tokens * 1000.0 / characters);
    }

    /** Unicode code points of {@code text}. */
    public static long characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * The share of {@code text}'s letters written in scripts that put no spaces between words (Han, kana, Thai, Lao,
     * Khmer, Myanmar, Tibetan); 0 when it has no letters.
     */
    public static double unspacedLetterShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long unspaced = text.codePoints().filter(Character::isLetter).filter(c -> UNSPACED.contains(Character.UnicodeScript.of(c))).count();
        return letters == 0 ? 0 : unspaced / (double) letters;
    }

    /** Runs of non-whitespace in {@code text}. */
    public static long words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
