package dev.unitcost.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.regex.Pattern;

/**
 * A file under {@code models/}: which model, where its files come from, and how to run it.
 *
 * @param name short name used with {@code --model}
 * @param task {@code embedding}
 * @param description one line for people
 * @param quantization weight format, as a label for reports
 * @param source where the files are
 */
public record ModelManifest(String name, String task, String description, String quantization, Source source) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ModelManifest {
        requireText(name, "name");
        if (!"embedding".equals(task)) {
            throw new IllegalArgumentException("expected task: embedding (generation models are directories), got " + task);
        }
        requireText(quantization, "quantization");
        if (source == null) {
            throw new IllegalArgumentException("required: source (type classpath or directory)");
        }
    }

    /** Where a model's files are. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Classpath.class, name = "classpath"),
        @JsonSubTypes.Type(value = Directory.class, name = "directory")
    })
    public sealed interface Source permits Classpath, Directory {}

    /**
     * Files inside a jar on the class path (a Maven Central artifact), extracted to the cache on
     * first use and checked against their SHA-256.
     */
    public record Classpath(String artifact, String model, String modelSha256, String tokenizer, String tokenizerSha256)
            implements Source {
        public Classpath {
            requireText(artifact, "source.artifact");
            requireText(model, "source.model");
            requireText(tokenizer, "source.tokenizer");
            requireSha(modelSha256, "source.modelSha256");
            requireSha(tokenizerSha256, "source.tokenizerSha256");
        }
    }

    /** A local directory with {@code model.onnx} (or the named file) and {@code tokenizer.json}. */
    public record Directory(String path, String model, String tokenizer) implements Source {
        public Directory {
            requireText(path, "source.path");
            model = model == null ? "model.onnx" : model;
            tokenizer = tokenizer == null ? "tokenizer.json" : tokenizer;
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("required: " + field);
        }
    }

    private static void requireSha(String value, String field) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 64 lowercase hex digits, got " + value);
        }
    }
}
