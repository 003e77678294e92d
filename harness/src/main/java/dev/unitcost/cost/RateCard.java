package dev.unitcost.cost;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One provider's API prices, as published on {@code asOf}: a file under {@code profiles/ratecards/}.
 *
 * @param provider who sells it ({@code openai}, {@code together_ai}, …)
 * @param source where the prices were read
 * @param asOf the date they were true
 * @param importedOn the date the card was converted from a machine-readable source (absent when
 *     written by hand)
 * @param models one entry per model
 */
public record RateCard(String provider, String source, LocalDate asOf, LocalDate importedOn, List<ApiPrice> models) {

    @JsonCreator
    public RateCard {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("required: provider");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("required: source (where the prices come from)");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("required: asOf (the date the prices were true)");
        }
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("required: models (at least one)");
        }
        models = List.copyOf(models);
        Set<String> seen = new HashSet<>();
        for (ApiPrice m : models) {
            if (!seen.add(m.model())) {
                throw new IllegalArgumentException("model " + m.model() + " is listed twice");
            }
        }
    }

    /** A hand-written card (no import date). */
    public RateCard(String provider, String source, LocalDate asOf, List<ApiPrice> models) {
        this(provider, source, asOf, null, models);
    }

    /**
     * Prices of one API model, USD per 1M tokens.
     *
     * @param model the provider's model id
     * @param mode {@code chat} or {@code embedding}
     * @param input per 1M input tokens
     * @param output per 1M output tokens (absent for embedding models)
     * @param cachedInput per 1M cached input tokens, when offered
     * @param batchInput per 1M input tokens through the batch API, when offered
     * @param batchOutput per 1M output tokens through the batch API, when offered
     * @param contextWindow maximum input tokens, when known
     * @param flag why an imported price looks implausible (kept, but shown wherever it is used);
     *     absent when nothing is suspicious
     */
    public record ApiPrice(
            String model, String mode, BigDecimal input, BigDecimal output, BigDecimal cachedInput,
            BigDecimal batchInput, BigDecimal batchOutput, Integer contextWindow, String flag) {
        @JsonCreator
        public ApiPrice {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("required: model");
            }
            if (!"chat".equals(mode) && !"embedding".equals(mode)) {
                throw new IllegalArgumentException("mode must be chat or embedding, got " + mode);
            }
            HardwareProfile.Checks.nonNegative(input, "input");
            if ("chat".equals(mode)) {
                HardwareProfile.Checks.nonNegative(output, "output");
            } else if (output != null) {
                HardwareProfile.Checks.nonNegative(output, "output");
            }
            for (var p : new Object[][] {{cachedInput, "cachedInput"}, {batchInput, "batchInput"}, {batchOutput, "batchOutput"}}) {
                if (p[0] != null) {
                    HardwareProfile.Checks.nonNegative((BigDecimal) p[0], (String) p[1]);
                }
            }
            if (contextWindow != null && contextWindow <= 0) {
                throw new IllegalArgumentException("contextWindow must be > 0, got " + contextWindow);
            }
            if (flag != null && flag.isBlank()) {
                flag = null;
            }
        }

        /** An entry with nothing flagged. */
        public ApiPrice(String model, String mode, BigDecimal input, BigDecimal output, BigDecimal cachedInput,
                BigDecimal batchInput, BigDecimal batchOutput, Integer contextWindow) {
            this(model, mode, input, output, cachedInput, batchInput, batchOutput, contextWindow, null);
        }

        @JsonIgnore
        public boolean isEmbedding() {
            return "embedding".equals(mode);
        }
    }
}
