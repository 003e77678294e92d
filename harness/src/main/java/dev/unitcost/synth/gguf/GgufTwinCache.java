package dev.unitcost.synth.gguf;

import dev.unitcost.InputException;
import dev.unitcost.synth.TwinPreset;
import dev.unitcost.synth.TwinProgress;
import dev.unitcost.synth.TwinWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GGUF twins of presets generated on first use into the cache, beside the ONNX twins
 * ({@code CACHE/twins/PRESET-QUANT-seed0-gguf/PRESET-QUANT.gguf}), and reused afterwards: what a
 * llama.cpp engine or server is pointed at. A directory appears only complete ({@link GgufTwinWriter}
 * renames it into place); on reuse its file's header is read back and must be the one this version
 * writes (preset, file type, seed and tensor table), so a twin written with other options or by an
 * older layout is never taken for the current one.
 */
public final class GgufTwinCache {

    private static final long SEED = 0;

    private final Path root;
    private final TwinProgress progress;

    public GgufTwinCache(Path cacheDir, TwinProgress progress) {
        this.root = cacheDir.resolve("twins");
        this.progress = progress;
    }

    /** The GGUF file of the preset's twin in that quantisation, written now if it is not in the cache yet. */
    public Path ensure(String presetName, GgufQuant quant) {
        TwinPreset preset = TwinPreset.named(presetName);
        if (preset.experts().isPresent()) {
            throw InputException.setting("model", "preset '" + preset.name() + "' is a mixture of experts: twins of"
                    + " it cannot be written (use it with `project`, which needs only its facts)");
        }
        GgufTwinPlan plan = new GgufTwinPlan(preset.architecture(), quant, SEED,
                new GgufTwinPlan.Facts(preset.name(), preset.bosTokenId(), preset.eosTokenId()));
        Path dir = directory(preset, quant);
        Path file = dir.resolve(plan.fileName());
        try {
            if (Files.isRegularFile(file)) {
                checkWrittenAs(file, plan);
                return file;
            }
            Files.createDirectories(root);
            return new GgufTwinWriter(TwinWriter::fileStoreUsableBytes, progress).write(plan, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the GGUF twin into " + dir, e);
        }
    }

    /** Where the twin lives (or will), without writing anything. */
    Path directory(TwinPreset preset, GgufQuant quant) {
        return root.resolve(preset.name() + "-" + quant.label() + "-seed" + SEED + "-gguf");
    }

    /** Refuses a cached file whose header is not the one the plan writes. */
    static void checkWrittenAs(Path file, GgufTwinPlan plan) throws IOException {
        GgufHeader expected = plan.header();
        GgufHeader found = GgufReader.read(file).header();
        String[] keys = {"unitcost.twin.preset", "unitcost.twin.seed", "general.file_type", "general.architecture"};
        for (String key : keys) {
            if (!expected.get(key).equals(found.metadata().get(key))) {
                throw stale(file, key + " is " + (found.metadata().containsKey(key) ? found.get(key).value() : "absent")
                        + ", expected " + expected.get(key).value());
            }
        }
        if (!expected.tensors().equals(found.tensors())) {
            throw stale(file, "its tensor table is not the one this version writes");
        }
    }

    private static InputException stale(Path file, String what) {
        return new InputException(file + " is not the GGUF twin its directory names (" + what + "); delete "
                + file.getParent() + " to have it written again");
    }
}
