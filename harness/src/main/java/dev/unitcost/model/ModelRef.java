package dev.unitcost.model;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine is asked to open: the reference as the user gave it ({@code ~/models/Qwen},
 * {@code twin:qwen2.5-0.5b:int4}, later a URL or a GGUF file), resolved to where the model lives.
 * Engines read the model's own files from here; nothing above them knows a model's file layout.
 *
 * @param reference as given, for messages and the report
 * @param location where it lives: a {@code file:} URI for a local file or directory, else the endpoint
 * @param quantization which weights to use where a location holds several ({@code q4}, {@code int8}); null for the default
 * @param kind {@code real} for a published model, {@code twin} for a generated shape twin
 */
public record ModelRef(String reference, URI location, String quantization, String kind) {

    public ModelRef {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(location, "location");
        if (!"real".equals(kind) && !"twin".equals(kind)) {
            throw new IllegalArgumentException("kind must be real or twin, got " + kind);
        }
    }

    /** A model on this machine (a file or a directory). */
    public static ModelRef local(String reference, Path path, String quantization, String kind) {
        return new ModelRef(reference, path.toAbsolutePath().toUri(), quantization, kind);
    }

    /** The local file or directory; empty when the model is not on this machine. */
    public Optional<Path> localPath() {
        return "file".equals(location.getScheme()) ? Optional.of(Path.of(location)) : Optional.empty();
    }
}
