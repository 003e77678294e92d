package dev.unitcost.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a decoder asks of a device, from its architecture alone (no weights): the facts a roofline
 * projection needs. Pure; every figure is computed in one place here.
 *
 * <p>Formulas. Bytes per weight by format: fp32 4, fp16 (and bf16) 2, int8 1 (one scale per output
 * row, negligible), int4 0.5 plus one fp16 scale per 32-weight group = 0.5625. The KV cache is kept at
 * fp32 for fp32 weights and at fp16 otherwise (as serving stacks keep it). FLOPs per token: 2 × active
 * parameters (a multiply-add per weight) plus attention 2 × 2 × layers × context × heads × headDim
 * (scores and the weighted sum of values).
 *
 * @param name the model's name (a preset's)
 * @param format weight format: fp32, fp16, int8 or int4
 * @param parameters every parameter held in memory
 * @param activeParameters parameters one token runs through (all of them for a dense model)
 * @param expertParameters parameters of one expert's MLP across all layers; 0 for a dense model
 * @param bytesPerWeight bytes one weight occupies in {@code format}
 * @param kvBytesPerTokenPerSequence 2 × layers × kvHeads × headDim × KV element bytes
 * @param layers decoder layers
 * @param attentionWidth heads × headDim
 * @param experts the mixture of experts; empty for a dense model
 */
public record ModelLoad(String name, String format, long parameters, long activeParameters, long expertParameters,
        double bytesPerWeight, long kvBytesPerTokenPerSequence, int layers, int attentionWidth, Optional<MixtureOfExperts> experts) {

    /** int4 group size whose fp16 scale is counted in {@link #bytesPerWeight(String)}. */
    public static final int INT4_GROUP = 32;

    public ModelLoad {
        Objects.requireNonNull(name, "name");
        experts = experts == null ? Optional.empty() : experts;
        if (parameters <= 0 || activeParameters <= 0 || activeParameters > parameters || expertParameters < 0) {
            throw new IllegalArgumentException("parameters must be positive, active ones no more than all of them");
        }
        if (!(bytesPerWeight > 0) || kvBytesPerTokenPerSequence <= 0 || layers <= 0 || attentionWidth <= 0) {
            throw new IllegalArgumentException("bytes per weight, KV bytes, layers and attention width must be positive");
        }
    }

    /** The facts of {@code a} stored in {@code format}; {@code moe} when its MLPs are experts. */
    public static ModelLoad of(String name, DecoderArchitecture a, String format, Optional<MixtureOfExperts> moe) {
        double bytes = bytesPerWeight(format);
        int kvElementBytes = format.equalsIgnoreCase("fp32") ? 4 : 2;
        long mlp = 3L * a.hidden() * a.intermediate() * a.layers();
        long params = a.paramCount();
        long active = params;
        long expert = 0;
        if (moe.isPresent()) {
            MixtureOfExperts m = moe.get();
            long router = (long) a.hidden() * m.experts() * a.layers();
            params = params - mlp + mlp * m.experts() + router;
            active = params - mlp * (m.experts() - m.expertsPerToken());
            expert = mlp;
        }
        return new ModelLoad(name, format.toLowerCase(Locale.ROOT), params, active, expert, bytes,
                a.kvCacheBytesPerToken(kvElementBytes), a.layers(), a.qWidth(), moe);
    }

    /** Bytes one weight occupies: fp32 4, fp16/bf16 2, int8 1, int4 0.5 + 2 / {@value #INT4_GROUP}. */
    public static double bytesPerWeight(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "fp32" -> 4.0;
            case "fp16", "bf16" -> 2.0;
            case "int8" -> 1.0;
            case "int4" -> 0.5 + 2.0 / INT4_GROUP;
            default -> throw new IllegalArgumentException("weight format: expected fp32, fp16, bf16, int8 or int4, got '" + format + "'");
        };
    }

    /** Bytes the weights occupy in memory. */
    public double weightBytes() {
        return parameters * bytesPerWeight;
    }

    /**
     * Weight bytes one decode step of {@code batch} sequences reads: every weight of a dense model; for a
     * mixture of experts the shared weights plus the experts the batch is expected to route to.
     */
    public double weightBytesReadPerStep(int batch) {
        if (experts.isEmpty()) {
            return weightBytes();
        }
        MixtureOfExperts m = experts.get();
        long shared = parameters - expertParameters * m.experts();
        return (shared + expertParameters * m.expectedExpertsRead(batch)) * bytesPerWeight;
    }

    /** FLOPs one token costs at {@code contextTokens} of context: 2 × active parameters + 4 × layers × context × attention width. */
    public double flopsPerToken(double contextTokens) {
        return 2.0 * activeParameters + 4.0 * layers * contextTokens * attentionWidth;
    }
}
