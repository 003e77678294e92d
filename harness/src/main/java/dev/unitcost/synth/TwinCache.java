package dev.unitcost.synth;

import dev.unitcost.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shape twins generated on first use into the cache ({@code CACHE/twins/PRESET-QUANT-seedN}) and
 * reused afterwards. A twin directory appears only complete ({@link TwinWriter} renames it into
 * place), so one with {@code twin.json} is ready.
 *
 * <p>A model reference {@code twin:PRESET[:QUANT]} (quantisation {@code int4} by default) names one.
 */
public final class TwinCache {

    public static final String PREFIX = "twin:";
    private static final long SEED = 0;

    private final Path root;
    private final TwinProgress progress;

    public TwinCache(Path cacheDir, TwinProgress progress) {
        this.root = cacheDir.resolve("twins");
        this.progress = progress;
    }

    public static boolean isReference(String model) {
        return model.startsWith(PREFIX);
    }

    /** The architecture a reference names, without writing anything (for checks before a twin is written). */
    public static dev.unitcost.model.DecoderArchitecture architecture(String reference) {
        return TwinPreset.named(parts(reference)[0]).architecture();
    }

    private static String[] parts(String reference) {
        String[] parts = reference.substring(PREFIX.length()).split(":");
        if (parts.length > 2 || parts[0].isBlank()) {
            throw InputException.option("--model", "expected twin:PRESET or twin:PRESET:QUANT, got '" + reference + "'");
        }
        return parts;
    }

    /** The directory of the twin {@code reference} names, written now if it is not in the cache yet. */
    public Path ensure(String reference) {
        String[] parts = parts(reference);
        TwinPreset preset = TwinPreset.named(parts[0]);
        Quantization quant = quantization(parts.length == 2 ? parts[1] : "int4");
        Path dir = root.resolve(preset.name() + "-" + quant.name().toLowerCase(Locale.ROOT) + "-seed" + SEED);
        if (Files.isRegularFile(dir.resolve("twin.json"))) {
            return dir;
        }
        try {
            Files.createDirectories(root);
            TwinPlan plan = new TwinPlan(preset.architecture(), TwinOptions.defaults(quant, SEED));
            return new TwinWriter(TwinWriter::fileStoreUsableBytes, progress).write(plan,
                    new TwinWriter.Description(preset.hfConfig(), preset.name(), null, preset.bosTokenId(), preset.eosTokenId()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the twin into " + dir, e);
        }
    }

    private static Quantization quantization(String name) {
        for (Quantization q : Quantization.values()) {
            if (q.name().equalsIgnoreCase(name)) {
                return q;
            }
        }
        throw InputException.option("--model", "unknown twin quantisation '" + name + "'; known: fp32, fp16, int8, int4");
    }
}
