package dev.unitcost.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The shape of a Llama-family decoder (Llama, Mistral, Qwen2, SmolLM): what a Hugging Face
 * {@code config.json} says, and what follows from it (parameter count, KV-cache bytes).
 *
 * @param modelType the config's {@code model_type} ({@code llama}, {@code qwen2}, {@code mistral})
 * @param hidden {@code hidden_size}
 * @param layers {@code num_hidden_layers}
 * @param heads {@code num_attention_heads}
 * @param kvHeads {@code num_key_value_heads} (grouped-query attention; equal to heads for MHA)
 * @param headDim {@code head_dim}, else hidden / heads
 * @param intermediate {@code intermediate_size} of the SwiGLU MLP
 * @param vocab {@code vocab_size}
 * @param tiedEmbeddings {@code tie_word_embeddings}: the lm_head reuses the embedding matrix
 * @param qkvBias q/k/v projections carry a bias (Qwen2; Llama's {@code attention_bias})
 * @param ropeTheta rotary base frequency
 * @param rmsNormEps epsilon inside RMSNorm
 * @param maxPositions {@code max_position_embeddings}
 * @param ropeScaling Llama-3 frequency scaling, or null when the config has none
 * @param slidingWindow tokens a query attends to, itself included (Mistral's {@code sliding_window});
 *     empty for full causal attention
 */
public record DecoderArchitecture(
        String modelType,
        int hidden,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        int intermediate,
        int vocab,
        boolean tiedEmbeddings,
        boolean qkvBias,
        double ropeTheta,
        double rmsNormEps,
        int maxPositions,
        RopeScaling ropeScaling,
        OptionalInt slidingWindow) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DecoderArchitecture {
        if (modelType == null || modelType.isBlank()) {
            throw new IllegalArgumentException("model_type is required");
        }
        positive("hidden_size", hidden);
        positive("num_hidden_layers", layers);
        positive("num_attention_heads", heads);
        positive("num_key_value_heads", kvHeads);
        positive("head_dim", headDim);
        positive("intermediate_size", intermediate);
        positive("vocab_size", vocab);
        positive("max_position_embeddings", maxPositions);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + heads
                    + ") must divide hidden_size (" + hidden + ")");
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("num_key_value_heads (" + kvHeads
                    + ") must divide num_attention_heads (" + heads + ")");
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary embeddings, got " + headDim);
        }
        if (slidingWindow == null) {
            slidingWindow = OptionalInt.empty();
        }
        if (slidingWindow.isPresent() && slidingWindow.getAsInt() <= 0) {
            throw new IllegalArgumentException("sliding_window must be positive, got " + slidingWindow.getAsInt());
        }
        if (!(ropeTheta > 0) || !(rmsNormEps > 0)) {
            throw new IllegalArgumentException("rope_theta and rms_norm_eps must be positive, got "
                    + ropeTheta + " and " + rmsNormEps);
        }
    }

    /** Full causal attention (no sliding window). */
    public DecoderArchitecture(String modelType, int hidden, int layers, int heads, int kvHeads, int headDim,
            int intermediate, int vocab, boolean tiedEmbeddings, boolean qkvBias, double ropeTheta, double rmsNormEps,
            int maxPositions, RopeScaling ropeScaling) {
        this(modelType, hidden, layers, heads, kvHeads, headDim, intermediate, vocab, tiedEmbeddings, qkvBias,
                ropeTheta, rmsNormEps, maxPositions, ropeScaling, OptionalInt.empty());
    }

    /** Llama-3 {@code rope_scaling} ({@code rope_type: llama3}): long-context frequency adjustment. */
    public record RopeScaling(double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositions) {
        public RopeScaling {
            if (!(factor >= 1) || !(lowFreqFactor > 0) || !(highFreqFactor > lowFreqFactor) || originalMaxPositions <= 0) {
                throw new IllegalArgumentException("rope_scaling (llama3) needs factor >= 1, 0 < low_freq_factor"
                        + " < high_freq_factor and original_max_position_embeddings > 0");
            }
        }
    }

    /** Query heads per key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Width of the query projection's output: heads × headDim. */
    public int qWidth() {
        return heads * headDim;
    }

    /** Width of each of the key and value projections' outputs: kvHeads × headDim. */
    public int kvWidth() {
        return kvHeads * headDim;
    }

    /** Trainable parameters, counted as Hugging Face does (a tied lm_head counts once). */
    public long paramCount() {
        long attention = (long) hidden * qWidth() + 2L * hidden * kvWidth() + (long) qWidth() * hidden;
        if (qkvBias) {
            attention += qWidth() + 2L * kvWidth();
        }
        long mlp = 3L * hidden * intermediate;
        long perLayer = attention + mlp + 2L * hidden;
        long embedding = (long) vocab * hidden;
        return embedding + layers * perLayer + hidden + (tiedEmbeddings ? 0 : embedding);
    }

    /** Bytes of key and value cache one token occupies across all layers, at the given element size. */
    public long kvCacheBytesPerToken(int dtypeBytes) {
        if (dtypeBytes <= 0) {
            throw new IllegalArgumentException("dtypeBytes must be positive, got " + dtypeBytes);
        }
        return 2L * layers * kvWidth() * dtypeBytes;
    }

    /**
     * Reads a Hugging Face {@code config.json}. Missing optional fields take the transformers
     * defaults for the model type.
     *
     * @throws InputException naming the file and field when the file is unreadable or inconsistent
     */
    public static DecoderArchitecture fromHfConfig(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw InputException.inFile(file, "config.json", "cannot read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw InputException.inFile(file, "config.json", "expected a JSON object");
        }
        try {
            return fromHfConfig(root);
        } catch (IllegalArgumentException e) {
            throw InputException.inFile(file, "config.json", e.getMessage());
        }
    }

    /** As {@link #fromHfConfig(Path)}, from a parsed tree; throws IllegalArgumentException when inconsistent. */
    public static DecoderArchitecture fromHfConfig(JsonNode c) {
        String type = c.path("model_type").asText("");
        if (!type.equals("llama") && !type.equals("qwen2") && !type.equals("mistral")) {
            throw new IllegalArgumentException("model_type: expected llama, mistral or qwen2, got '" + type + "'");
        }
        int hidden = requiredInt(c, "hidden_size");
        int heads = requiredInt(c, "num_attention_heads");
        int kvHeads = c.has("num_key_value_heads") ? requiredInt(c, "num_key_value_heads") : heads;
        int headDim = c.hasNonNull("head_dim") ? requiredInt(c, "head_dim") : (heads > 0 ? hidden / heads : 0);
        boolean bias = type.equals("qwen2") || c.path("attention_bias").asBoolean(false);
        RopeScaling scaling = null;
        JsonNode rs = c.path("rope_scaling");
        if (rs.isObject()) {
            String ropeType = rs.path("rope_type").asText(rs.path("type").asText(""));
            if (!ropeType.equals("llama3")) {
                throw new IllegalArgumentException("rope_scaling: only rope_type llama3 is supported, got '" + ropeType + "'");
            }
            scaling = new RopeScaling(rs.path("factor").asDouble(), rs.path("low_freq_factor").asDouble(),
                    rs.path("high_freq_factor").asDouble(), rs.path("original_max_position_embeddings").asInt());
        }
        // Mistral applies its window in every layer; Qwen2 configs carry one but switch it off (use_sliding_window).
        boolean windowed = type.equals("mistral") ? c.hasNonNull("sliding_window")
                : c.path("use_sliding_window").asBoolean(false);
        if (windowed && type.equals("qwen2")) {
            throw new IllegalArgumentException("use_sliding_window: Qwen2 sliding-window layers are not supported");
        }
        OptionalInt window = windowed ? OptionalInt.of(requiredInt(c, "sliding_window")) : OptionalInt.empty();
        return new DecoderArchitecture(type, hidden, requiredInt(c, "num_hidden_layers"), heads, kvHeads, headDim,
                requiredInt(c, "intermediate_size"), requiredInt(c, "vocab_size"),
                c.path("tie_word_embeddings").asBoolean(false), bias,
                c.path("rope_theta").asDouble(10000.0), c.path("rms_norm_eps").asDouble(1e-6),
                c.path("max_position_embeddings").asInt(2048), scaling, window);
    }

    private static int requiredInt(JsonNode c, String field) {
        JsonNode n = c.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException(field + ": expected an integer, got " + (n == null ? "nothing" : n));
        }
        return n.asInt();
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
