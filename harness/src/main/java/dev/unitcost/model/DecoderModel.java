package dev.unitcost.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoder LLM directory in the layout users download from Hugging Face (onnx-community /
 * Optimum): {@code config.json}, {@code generation_config.json}, {@code tokenizer.json},
 * {@code onnx/model*.onnx} with external data. Shape twins use the same layout plus {@code twin.json}.
 *
 * @param dir the model directory
 * @param onnxFile the graph chosen for the quantisation asked for
 * @param quantization {@code q4}, {@code int8}, {@code fp16} or {@code fp32}
 * @param tokenizerFile tokenizer.json
 * @param layers decoder layers (config num_hidden_layers)
 * @param kvHeads key/value heads
 * @param headDim per-head dimension
 * @param hiddenSize model width
 * @param vocabSize vocabulary size
 * @param maxPositions context window (max_position_embeddings)
 * @param eosTokenIds end-of-sequence ids from generation_config.json / config.json
 * @param twin whether this is a generated shape twin
 */
public record DecoderModel(
        Path dir, Path onnxFile, String quantization, Path tokenizerFile, int layers, int kvHeads, int headDim,
        int hiddenSize, int vocabSize, int maxPositions, List<Long> eosTokenIds, boolean twin) {

    /** File names per quantisation, in order of preference (onnx-community, then Optimum names). */
    public static final Map<String, List<String>> FILES = new LinkedHashMap<>();

    static {
        FILES.put("q4", List.of("model_q4.onnx", "model_q4f16.onnx", "model_int4.onnx"));
        FILES.put("int8", List.of("model_int8.onnx", "model_quantized.onnx", "model_uint8.onnx"));
        FILES.put("fp16", List.of("model_fp16.onnx"));
        FILES.put("fp32", List.of("model.onnx"));
    }

    public DecoderModel {
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    /** The reference an engine opens: the directory, with the quantisation chosen. */
    public ModelRef ref() {
        return ModelRef.local(dir.toString(), dir, quantization, twin ? "twin" : "real");
    }

    /** True when {@code dir} looks like a decoder directory (has config.json and an onnx/ folder). */
    public static boolean looksLikeDecoderDir(Path dir) {
        return Files.isRegularFile(dir.resolve("config.json")) && Files.isDirectory(dir.resolve("onnx"));
    }

    /** Key/value cache bytes per token per sequence: 2 × layers × kvHeads × headDim × element bytes. */
    public long kvBytesPerToken(int elementBytes) {
        return 2L * layers * kvHeads * headDim * elementBytes;
    }

    /** Bytes of the chosen graph plus its external data files on disk. */
    public long weightFileBytes() {
        try (var files = Files.list(onnxFile.getParent())) {
            String stem = onnxFile.getFileName().toString();
            return files.filter(p -> p.getFileName().toString().startsWith(stem)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list onnx/ (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a decoder directory.
     *
     * @param quantization {@code q4|int8|fp16|fp32}, or null for the first present in that order
     */
    public static DecoderModel open(Path dir, String quantization) {
        if ("int4".equals(quantization)) {
            quantization = "q4"; // the twin generator's name for the same files
        }
        Path onnxDir = dir.resolve("onnx");
        List<Path> present = new ArrayList<>();
        try (var files = Files.list(onnxDir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().forEach(present::add);
        } catch (IOException e) {
            throw new InputException(onnxDir + ": no onnx/ directory with model files");
        }
        if (present.isEmpty()) {
            throw new InputException(onnxDir + ": no .onnx files (expected one of " + FILES.values().stream().flatMap(List::stream).toList() + ")");
        }
        String quant = null;
        Path onnx = null;
        for (var e : FILES.entrySet()) {
            if (quantization != null && !quantization.equals(e.getKey())) {
                continue;
            }
            for (String name : e.getValue()) {
                if (Files.isRegularFile(onnxDir.resolve(name)) && onnx == null) {
                    onnx = onnxDir.resolve(name);
                    quant = e.getKey();
                }
            }
        }
        if (quantization != null && !FILES.containsKey(quantization)) {
            throw InputException.setting("quant", "expected one of " + FILES.keySet() + ", got '" + quantization + "'");
        }
        if (onnx == null) {
            throw new InputException(onnxDir + ": no " + quantization + " model (looked for " + FILES.get(quantization) + "; present: "
                    + present.stream().map(p -> p.getFileName().toString()).toList() + ")");
        }
        JsonNode config = readJson(dir.resolve("config.json"));
        int hidden = requireInt(config, "hidden_size", dir);
        int heads = requireInt(config, "num_attention_heads", dir);
        int kvHeads = config.has("num_key_value_heads") ? config.get("num_key_value_heads").asInt() : heads;
        int headDim = config.has("head_dim") && config.get("head_dim").isInt() ? config.get("head_dim").asInt() : hidden / heads;
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new InputException(tokenizer + ": tokenizer.json not found in the model directory");
        }
        int vocab = requireInt(config, "vocab_size", dir);
        int tokenizerVocab = tokenizerVocabulary(tokenizer);
        if (tokenizerVocab > vocab) {
            throw new InputException(tokenizer + ": the tokenizer's vocabulary exceeds the model's: " + tokenizerVocab
                    + " tokens, but config.json has vocab_size " + vocab);
        }
        List<Long> eos = new ArrayList<>();
        Path generation = dir.resolve("generation_config.json");
        JsonNode eosNode = Files.isRegularFile(generation) ? readJson(generation).get("eos_token_id") : null;
        if (eosNode == null) {
            eosNode = config.get("eos_token_id");
        }
        if (eosNode != null && eosNode.isArray()) {
            eosNode.forEach(n -> eos.add(n.asLong()));
        } else if (eosNode != null && eosNode.isNumber()) {
            eos.add(eosNode.asLong());
        }
        return new DecoderModel(dir, onnx, quant, tokenizer, requireInt(config, "num_hidden_layers", dir), kvHeads, headDim, hidden,
                vocab, config.path("max_position_embeddings").asInt(Integer.MAX_VALUE), eos,
                Files.isRegularFile(dir.resolve("twin.json")));
    }

    /** Ids a tokenizer.json can produce: its model vocabulary and added tokens (highest id + 1). */
    static int tokenizerVocabulary(Path tokenizerJson) {
        JsonNode t = readJson(tokenizerJson);
        JsonNode vocab = t.path("model").path("vocab");
        long highest = -1;
        if (vocab.isObject()) {
            for (JsonNode id : (Iterable<JsonNode>) vocab::elements) {
                highest = Math.max(highest, id.asLong());
            }
        } else if (vocab.isArray()) {
            highest = vocab.size() - 1L; // Unigram: [piece, score] pairs, id = position
        }
        for (JsonNode added : t.path("added_tokens")) {
            highest = Math.max(highest, added.path("id").asLong(-1));
        }
        return (int) (highest + 1);
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static int requireInt(JsonNode config, String field, Path dir) {
        JsonNode n = config.get(field);
        if (n == null || !n.canConvertToInt() || n.asInt() <= 0) {
            throw InputException.inFile(dir.resolve("config.json"), field, "expected a positive integer, got " + n);
        }
        return n.asInt();
    }
}
