package dev.unitcost.config;

import dev.unitcost.InputException;
import dev.unitcost.model.ModelCache;
import dev.unitcost.model.ModelManifest;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.model.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Turns {@code --model} (a manifest name under models/, a manifest file, a directory or an .onnx file) into a {@link ModelSpec}. */
public final class ModelResolver {

    private final Path modelsDir;
    private final ModelCache cache;

    public ModelResolver(Path modelsDir, ModelCache cache) {
        this.modelsDir = modelsDir;
        this.cache = cache;
    }

    public ModelSpec resolve(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isDirectory(path)) {
            return fromDirectory(path, "model.onnx", "tokenizer.json", "int8-or-unknown");
        }
        if (Files.isRegularFile(path) && nameOrPath.endsWith(".onnx")) {
            return fromFiles(path, path.resolveSibling("tokenizer.json"), path.toString(), "unknown");
        }
        boolean looksLikePath = nameOrPath.contains("/") || nameOrPath.contains("\\") || nameOrPath.endsWith(".onnx");
        if (looksLikePath && !Files.exists(path)) {
            throw InputException.setting("model", nameOrPath + ": no such file or directory");
        }
        Path manifestFile = ConfigFiles.resolveNamed(modelsDir, nameOrPath, "model");
        ModelManifest manifest = ConfigFiles.read(manifestFile, ModelManifest.class);
        return fromManifest(manifestFile, manifest);
    }

    ModelSpec fromManifest(Path manifestFile, ModelManifest m) {
        if (m.source() instanceof ModelManifest.Classpath c) {
            Path onnx = cache.extract(c.model(), c.modelSha256(), c.artifact());
            Path tokenizer = cache.extract(c.tokenizer(), c.tokenizerSha256(), c.artifact());
            return new ModelSpec(m.name(), m.task(), onnx, tokenizer, c.modelSha256(), m.quantization(), "real", c.artifact());
        }
        ModelManifest.Directory d = (ModelManifest.Directory) m.source();
        Path dir = manifestFile.toAbsolutePath().getParent().resolve(d.path()).normalize();
        if (!Files.isDirectory(dir)) {
            throw InputException.inFile(manifestFile, "source.path", dir + " is not a directory");
        }
        ModelSpec spec = fromDirectory(dir, d.model(), d.tokenizer(), m.quantization());
        return new ModelSpec(m.name(), m.task(), spec.onnxFile(), spec.tokenizerFile(), spec.sha256(),
                m.quantization(), spec.kind(), spec.source());
    }

    private ModelSpec fromDirectory(Path dir, String modelName, String tokenizerName, String quantization) {
        Path onnx = dir.resolve(modelName);
        if (!Files.isRegularFile(onnx)) {
            List<Path> found = onnxFilesIn(dir);
            if (found.size() != 1) {
                throw new InputException(dir + ": expected " + modelName + " or exactly one .onnx file, found "
                        + (found.isEmpty() ? "none" : found.stream().map(p -> p.getFileName().toString()).toList()));
            }
            onnx = found.get(0);
        }
        Path tokenizer = dir.resolve(tokenizerName);
        return fromFiles(onnx, tokenizer, dir.toString(), quantization);
    }

    private ModelSpec fromFiles(Path onnx, Path tokenizer, String source, String quantization) {
        if (!Files.isRegularFile(tokenizer)) {
            throw new InputException(tokenizer + ": tokenizer.json not found beside the model");
        }
        String name = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
        String kind = Files.isRegularFile(onnx.resolveSibling("twin.json")) ? "twin" : "real";
        return new ModelSpec(name, "embedding", onnx, tokenizer, Sha256.of(onnx), quantization, kind, source);
    }

    private static List<Path> onnxFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
