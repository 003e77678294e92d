package dev.unitcost.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model resolved to files on disk, ready for an engine.
 *
 * @param name manifest name, or the file name when given as a path
 * @param task {@code embedding} (encoders) for now
 * @param onnxFile the ONNX graph
 * @param tokenizerFile the Hugging Face tokenizer.json
 * @param sha256 hex SHA-256 of {@code onnxFile}, recorded in provenance
 * @param quantization how the weights are stored ({@code int8-dynamic}, {@code fp32}, …)
 * @param kind {@code real} for a published model, {@code twin} for a generated shape twin
 * @param source where it came from (a Maven coordinate, a directory)
 */
public record ModelSpec(
        String name,
        String task,
        Path onnxFile,
        Path tokenizerFile,
        String sha256,
        String quantization,
        String kind,
        String source) {

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(onnxFile, "onnxFile");
        Objects.requireNonNull(tokenizerFile, "tokenizerFile");
        Objects.requireNonNull(sha256, "sha256");
        if (!"real".equals(kind) && !"twin".equals(kind)) {
            throw new IllegalArgumentException("kind must be real or twin, got " + kind);
        }
    }

    /** The reference an engine opens: the ONNX graph. */
    public ModelRef ref() {
        return ModelRef.local(name, onnxFile, quantization, kind);
    }
}
