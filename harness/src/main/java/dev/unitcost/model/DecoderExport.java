package dev.unitcost.model;

import dev.unitcost.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A decoder LLM in the onnx-community / Optimum directory layout: {@code DIR/config.json},
 * {@code DIR/tokenizer.json} and {@code DIR/onnx/<graph>.onnx} (with its {@code .onnx_data}); a
 * shape twin adds {@code DIR/twin.json}. Real exports and twins open the same way.
 *
 * @param dir the export's directory
 * @param architecture read from config.json
 * @param graph the ONNX graph for the chosen quantisation
 * @param tokenizer the tokenizer.json
 * @param twin whether twin.json marks it as a shape twin (seeded random weights)
 */
public record DecoderExport(Path dir, DecoderArchitecture architecture, Path graph, Path tokenizer, boolean twin) {

    /** Graph file names by quantisation label, as onnx-community repositories name them. */
    public static final Map<String, String> GRAPH_FILES = Map.of(
            "fp32", "model.onnx",
            "fp16", "model_fp16.onnx",
            "int8", "model_int8.onnx",
            "int4", "model_q4.onnx");

    /** The graph file name for a quantisation label ({@code fp32}, {@code fp16}, {@code int8}, {@code int4}). */
    public static String graphFileName(String quantization) {
        String name = GRAPH_FILES.get(quantization);
        if (name == null) {
            throw new IllegalArgumentException("quantization must be one of " + GRAPH_FILES.keySet() + ", got " + quantization);
        }
        return name;
    }

    /**
     * Opens an export directory for one quantisation.
     *
     * @throws InputException naming the missing or malformed file
     */
    public static DecoderExport open(Path dir, String quantization) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": expected a model directory (config.json, tokenizer.json, onnx/)");
        }
        Path config = dir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw InputException.inFile(config, "config.json", "missing");
        }
        DecoderArchitecture arch = DecoderArchitecture.fromHfConfig(config);
        Path graph = dir.resolve("onnx").resolve(graphFileName(quantization));
        if (!Files.isRegularFile(graph)) {
            throw InputException.inFile(graph, "quantization " + quantization, "missing; present: " + present(dir.resolve("onnx")));
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw InputException.inFile(tokenizer, "tokenizer.json", "missing");
        }
        return new DecoderExport(dir, arch, graph, tokenizer, Files.isRegularFile(dir.resolve("twin.json")));
    }

    private static String present(Path onnxDir) {
        String found = GRAPH_FILES.entrySet().stream()
                .filter(e -> Files.isRegularFile(onnxDir.resolve(e.getValue())))
                .map(Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
        return found.isEmpty() ? "none" : found;
    }
}
