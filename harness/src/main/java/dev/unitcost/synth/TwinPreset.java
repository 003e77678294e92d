package dev.unitcost.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitcost.InputException;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderArchitecture.RopeScaling;
import dev.unitcost.model.MixtureOfExperts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A published model whose shape a twin copies: the facts of its Hugging Face {@code config.json}.
 *
 * @param name the preset's name on the command line
 * @param hfRepo the Hugging Face repository the facts come from
 * @param architecture the decoder's shape
 * @param bosTokenId beginning-of-sequence token id
 * @param eosTokenId end-of-sequence token id
 * @param torchDtype the published weights' dtype, echoed into config.json
 * @param experts the model's mixture of experts (Mixtral); empty for a dense model. A twin is never written
 *     for one: only {@code unitcost project} uses such a preset, through its facts
 */
public record TwinPreset(String name, String hfRepo, DecoderArchitecture architecture, int bosTokenId, int eosTokenId,
        String torchDtype, Optional<MixtureOfExperts> experts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TwinPreset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        experts = experts == null ? Optional.empty() : experts;
        if (bosTokenId < 0 || bosTokenId >= architecture.vocab() || eosTokenId < 0 || eosTokenId >= architecture.vocab()) {
            throw new IllegalArgumentException(name + ": bos/eos token ids must lie inside the vocabulary");
        }
    }

    /** A dense model. */
    public TwinPreset(String name, String hfRepo, DecoderArchitecture architecture, int bosTokenId, int eosTokenId,
            String torchDtype) {
        this(name, hfRepo, architecture, bosTokenId, eosTokenId, torchDtype, Optional.empty());
    }

    private static final RopeScaling LLAMA_31 = new RopeScaling(8.0, 1.0, 4.0, 8192);
    private static final RopeScaling LLAMA_32 = new RopeScaling(32.0, 1.0, 4.0, 8192);

    /** The built-in presets, from the models' published config.json files. */
    public static final List<TwinPreset> ALL = List.of(
            new TwinPreset("smollm2-135m", "HuggingFaceTB/SmolLM2-135M",
                    new DecoderArchitecture("llama", 576, 30, 9, 3, 64, 1536, 49152, true, false,
                            100000.0, 1e-5, 8192, null), 1, 2, "bfloat16"),
            new TwinPreset("qwen2.5-0.5b", "Qwen/Qwen2.5-0.5B",
                    new DecoderArchitecture("qwen2", 896, 24, 14, 2, 64, 4864, 151936, true, true,
                            1000000.0, 1e-6, 32768, null), 151643, 151643, "bfloat16"),
            new TwinPreset("qwen2.5-1.5b", "Qwen/Qwen2.5-1.5B",
                    new DecoderArchitecture("qwen2", 1536, 28, 12, 2, 128, 8960, 151936, true, true,
                            1000000.0, 1e-6, 131072, null), 151643, 151643, "bfloat16"),
            new TwinPreset("llama-3.2-1b", "meta-llama/Llama-3.2-1B",
                    new DecoderArchitecture("llama", 2048, 16, 32, 8, 64, 8192, 128256, true, false,
                            500000.0, 1e-5, 131072, LLAMA_32), 128000, 128001, "bfloat16"),
            new TwinPreset("llama-3.1-8b", "meta-llama/Llama-3.1-8B",
                    new DecoderArchitecture("llama", 4096, 32, 32, 8, 128, 14336, 128256, false, false,
                            500000.0, 1e-5, 131072, LLAMA_31), 128000, 128001, "bfloat16"),
            new TwinPreset("mistral-7b", "mistralai/Mistral-7B-v0.1",
                    new DecoderArchitecture("mistral", 4096, 32, 32, 8, 128, 14336, 32000, false, false,
                            10000.0, 1e-5, 32768, null, OptionalInt.of(4096)), 1, 2, "bfloat16"),
            // The shapes below are for `unitcost project` (facts only); their twins would be too large to write here.
            new TwinPreset("llama-3.1-70b", "meta-llama/Llama-3.1-70B",
                    new DecoderArchitecture("llama", 8192, 80, 64, 8, 128, 28672, 128256, false, false,
                            500000.0, 1e-5, 131072, LLAMA_31), 128000, 128001, "bfloat16"),
            new TwinPreset("qwen2.5-7b", "Qwen/Qwen2.5-7B",
                    new DecoderArchitecture("qwen2", 3584, 28, 28, 4, 128, 18944, 152064, false, true,
                            1000000.0, 1e-6, 131072, null), 151643, 151643, "bfloat16"),
            new TwinPreset("qwen2.5-72b", "Qwen/Qwen2.5-72B",
                    new DecoderArchitecture("qwen2", 8192, 80, 64, 8, 128, 29568, 152064, false, true,
                            1000000.0, 1e-5, 131072, null), 151643, 151643, "bfloat16"),
            new TwinPreset("mixtral-8x7b", "mistralai/Mixtral-8x7B-v0.1",
                    new DecoderArchitecture("mistral", 4096, 32, 32, 8, 128, 14336, 32000, false, false,
                            1000000.0, 1e-5, 32768, null), 1, 2, "bfloat16", Optional.of(new MixtureOfExperts(8, 2))));

    /** The preset of that name; an InputException listing the known ones otherwise. */
    public static TwinPreset named(String name) {
        return ALL.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> InputException.setting("preset", "unknown preset '" + name + "'; known: "
                        + ALL.stream().map(TwinPreset::name).collect(Collectors.joining(", "))));
    }

    /** A Hugging Face style config.json for this preset: the published model's fields. */
    public ObjectNode hfConfig() {
        DecoderArchitecture a = architecture;
        ObjectNode c = JSON.createObjectNode();
        String arch = switch (a.modelType()) {
            case "qwen2" -> "Qwen2ForCausalLM";
            case "mistral" -> "MistralForCausalLM";
            default -> "LlamaForCausalLM";
        };
        c.putArray("architectures").add(arch);
        c.put("model_type", a.modelType());
        c.put("hidden_size", a.hidden());
        c.put("num_hidden_layers", a.layers());
        c.put("num_attention_heads", a.heads());
        c.put("num_key_value_heads", a.kvHeads());
        c.put("head_dim", a.headDim());
        c.put("intermediate_size", a.intermediate());
        c.put("vocab_size", a.vocab());
        c.put("hidden_act", "silu");
        c.put("tie_word_embeddings", a.tiedEmbeddings());
        if (!a.modelType().equals("qwen2")) {
            c.put("attention_bias", a.qkvBias());
        }
        c.put("rope_theta", a.ropeTheta());
        c.put("rms_norm_eps", a.rmsNormEps());
        c.put("max_position_embeddings", a.maxPositions());
        if (a.ropeScaling() != null) {
            ObjectNode rs = c.putObject("rope_scaling");
            rs.put("rope_type", "llama3");
            rs.put("factor", a.ropeScaling().factor());
            rs.put("low_freq_factor", a.ropeScaling().lowFreqFactor());
            rs.put("high_freq_factor", a.ropeScaling().highFreqFactor());
            rs.put("original_max_position_embeddings", a.ropeScaling().originalMaxPositions());
        }
        a.slidingWindow().ifPresent(w -> c.put("sliding_window", w));
        c.put("bos_token_id", bosTokenId);
        c.put("eos_token_id", eosTokenId);
        c.put("torch_dtype", torchDtype);
        c.put("use_cache", true);
        return c;
    }
}
