package dev.unitcost.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenAI's byte-pair encodings ({@code o200k_base}, {@code cl100k_base}) through jtokkit, whose rank
 * files ship inside its jar: counting a text in an API model's own tokens needs no download. jtokkit
 * types stay in this class. Thread-safe (the registry and encodings are immutable once loaded).
 */
public final class OpenAiTokenizers {

    /** The stand-in for models whose own tokenizer has no Java implementation here (Llama 3 built its ranks on cl100k's). */
    public static final String STAND_IN = "cl100k_base";

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private OpenAiTokenizers() {}

    /**
     * The encoding an OpenAI model uses, by its name: {@code o200k_base} for the GPT-4o, GPT-4.1, GPT-5
     * and o-series families, {@code cl100k_base} for GPT-4, GPT-3.5 and the text-embedding-3 models;
     * empty for any other model (its tokenizer is not OpenAI's).
     */
    public static Optional<String> encodingFor(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        if (slash >= 0 && !m.startsWith("openai/")) {
            return Optional.empty();
        }
        m = m.substring(slash + 1);
        if (m.startsWith("gpt-oss")) {
            return Optional.of("o200k_base"); // the o200k_harmony ranks are o200k's with more specials
        }
        if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-5") || m.matches("o[1-9].*")) {
            return Optional.of("o200k_base");
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("text-embedding-3") || m.startsWith("text-embedding-ada")) {
            return Optional.of("cl100k_base");
        }
        return Optional.empty();
    }

    /** Tokens of {@code text} in {@code encoding} ({@code o200k_base} or {@code cl100k_base}), no special tokens. */
    public static long count(String encoding, String text) {
        EncodingType type = switch (encoding) {
            case "o200k_base" -> EncodingType.O200K_BASE;
            case "cl100k_base" -> EncodingType.CL100K_BASE;
            default -> throw new IllegalArgumentException("unknown encoding " + encoding + "; known: o200k_base, cl100k_base");
        };
        Encoding e = REGISTRY.getEncoding(type);
        return e.countTokensOrdinary(text);
    }
}
