package dev.unitcost.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.InputException;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.ModelLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Shape twins generated on first use into the cache ({@code CACHE/twins/PRESET-QUANT-seedN-LOGITS-logits})
 * and reused afterwards. A twin directory appears only complete ({@link TwinWriter} renames it into
 * place), so one with {@code twin.json} is ready.
 *
 * <p>A model reference {@code twin:PRESET[:QUANT[:LOGITS]]} names one: quantisation {@code int4} by
 * default; {@code LOGITS} is {@code last-logits} (the default: prefill computes the last position's
 * logits only, as serving engines do) or {@code full-logits} (every prompt position's).
 *
 * <p>The directory name carries every option that changes a twin's graph or bytes, so a twin written by
 * an older version with other options (full logits, 8-bit int8 weights: both were once the only form,
 * under {@code PRESET-QUANT-seedN}) is never taken for the current one; {@code twin.json} is checked
 * on reuse all the same.
 */
public final class TwinCache {

    public static final String PREFIX = "twin:";
    static final String LAST_LOGITS = "last-logits";
    static final String FULL_LOGITS = "full-logits";
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
    public static DecoderArchitecture architecture(String reference) {
        return Reference.parse(reference).preset().architecture();
    }

    /** What the model a reference names asks of a device (facts only; nothing is written). */
    public static ModelLoad modelLoad(String reference) {
        Reference ref = Reference.parse(reference);
        return ModelLoad.of(ref.preset().name(), ref.preset().architecture(), ref.quantization().label(), ref.preset().experts());
    }

    /** A parsed {@code twin:} reference. */
    record Reference(TwinPreset preset, Quantization quantization, boolean lastTokenLogits) {

        Reference {
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(quantization, "quantization");
        }

        static Reference parse(String reference) {
            String[] parts = reference.substring(PREFIX.length()).split(":", -1);
            if (parts.length > 3 || parts[0].isBlank()) {
                throw InputException.setting("model", "expected twin:PRESET, twin:PRESET:QUANT or twin:PRESET:QUANT:"
                        + FULL_LOGITS + ", got '" + reference + "'");
            }
            Quantization quant = TwinCache.quantization(parts.length >= 2 ? parts[1] : "int4");
            boolean last = parts.length < 3 || TwinCache.logits(parts[2]);
            return new Reference(TwinPreset.named(parts[0]), quant, last);
        }

        TwinOptions options() {
            return TwinOptions.defaults(quantization, SEED).withLastTokenLogits(lastTokenLogits);
        }

        /** Names every option that changes the twin's graph or bytes. */
        String directoryName() {
            return preset.name() + "-" + quantization.label() + "-seed" + SEED + "-" + (lastTokenLogits ? LAST_LOGITS : FULL_LOGITS);
        }
    }

    /** The directory of the twin {@code reference} names, written now if it is not in the cache yet. */
    public Path ensure(String reference) {
        Reference ref = Reference.parse(reference);
        if (ref.preset().experts().isPresent()) {
            throw InputException.setting("model", "preset '" + ref.preset().name() + "' is a mixture of experts: twins of"
                    + " it cannot be written (use it with `project`, which needs only its facts)");
        }
        Path dir = directory(ref);
        if (Files.isRegularFile(dir.resolve("twin.json"))) {
            checkWrittenWith(dir, ref.options());
            return dir;
        }
        try {
            Files.createDirectories(root);
            TwinPreset preset = ref.preset();
            TwinPlan plan = new TwinPlan(preset.architecture(), ref.options());
            return new TwinWriter(TwinWriter::fileStoreUsableBytes, progress).write(plan,
                    new TwinWriter.Description(preset.hfConfig(), preset.name(), null, preset.bosTokenId(), preset.eosTokenId()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the twin into " + dir, e);
        }
    }

    /** Where the twin a reference names lives (or will), without writing anything. */
    Path directory(Reference ref) {
        return root.resolve(ref.directoryName());
    }

    /** Refuses a cached twin whose twin.json disagrees with the options its directory name stands for. */
    static void checkWrittenWith(Path dir, TwinOptions expected) {
        JsonNode twin;
        try {
            twin = new ObjectMapper().readTree(dir.resolve("twin.json").toFile());
        } catch (IOException e) {
            throw new InputException(dir.resolve("twin.json") + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                    + "); delete " + dir + " to have the twin written again", e);
        }
        boolean logitsMatch = twin.path("lastTokenLogits").isBoolean() && twin.path("lastTokenLogits").asBoolean() == expected.lastTokenLogits();
        boolean int8Matches = expected.quantization() != Quantization.INT8
                || twin.path("int8MatMulWeightMaxMagnitude").asInt(-1) == Int8Rows.MATMUL_MAX_MAGNITUDE;
        if (!logitsMatch || !int8Matches || !expected.quantization().label().equals(twin.path("quantization").asText())) {
            throw new InputException(dir + " holds a twin written with other options than its name says (twin.json: quantization "
                    + twin.path("quantization").asText("?") + ", lastTokenLogits " + twin.path("lastTokenLogits").asText("?")
                    + (expected.quantization() == Quantization.INT8
                            ? ", int8MatMulWeightMaxMagnitude " + twin.path("int8MatMulWeightMaxMagnitude").asText("absent") : "")
                    + "); delete the directory to have the twin written again");
        }
    }

    private static Quantization quantization(String name) {
        for (Quantization q : Quantization.values()) {
            if (q.name().equalsIgnoreCase(name)) {
                return q;
            }
        }
        throw InputException.setting("model", "unknown twin quantisation '" + name + "'; known: fp32, fp16, int8, int4");
    }

    private static boolean logits(String name) {
        if (name.equals(LAST_LOGITS)) {
            return true;
        }
        if (name.equals(FULL_LOGITS)) {
            return false;
        }
        throw InputException.setting("model", "unknown twin logits form '" + name + "'; known: " + LAST_LOGITS
                + " (the default), " + FULL_LOGITS);
    }
}
