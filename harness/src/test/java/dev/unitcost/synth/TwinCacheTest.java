package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Twin references, the cache directories they map to, and what a cached twin must say about itself to be reused. */
class TwinCacheTest {

    /** The single form every twin used to be cached under: full logits, 8-bit int8 weights. */
    private static final String OLD_DIRECTORY = "qwen2.5-0.5b-int4-seed0";

    @Test
    void lastLogitsIsTheDefaultAndEveryFormNamesItTheSameWay() {
        TwinCache.Reference plain = TwinCache.Reference.parse("twin:qwen2.5-0.5b");
        assertTrue(plain.lastTokenLogits());
        assertEquals(Quantization.INT4, plain.quantization());
        assertEquals(plain, TwinCache.Reference.parse("twin:qwen2.5-0.5b:int4"));
        assertEquals(plain, TwinCache.Reference.parse("twin:qwen2.5-0.5b:int4:last-logits"));
        assertTrue(plain.options().lastTokenLogits());
    }

    @Test
    void fullLogitsFormNamesTheFullLogitsVariant() {
        TwinCache.Reference full = TwinCache.Reference.parse("twin:qwen2.5-0.5b:int8:full-logits");
        assertFalse(full.lastTokenLogits());
        assertEquals(Quantization.INT8, full.quantization());
        assertFalse(full.options().lastTokenLogits());
    }

    @Test
    void defaultAndFullLogitsLiveInOtherDirectoriesThanTheOldTwins() {
        String last = TwinCache.Reference.parse("twin:qwen2.5-0.5b:int4").directoryName();
        String full = TwinCache.Reference.parse("twin:qwen2.5-0.5b:int4:full-logits").directoryName();
        assertNotEquals(last, full);
        assertNotEquals(OLD_DIRECTORY, last);
        assertNotEquals(OLD_DIRECTORY, full);
        assertNotEquals("qwen2.5-0.5b-int8-seed0", TwinCache.Reference.parse("twin:qwen2.5-0.5b:int8:full-logits").directoryName(),
                "int8 twins with 8-bit weights are not reused either");
    }

    @ParameterizedTest
    @ValueSource(strings = {"twin:", "twin:qwen2.5-0.5b:int4:all", "twin:qwen2.5-0.5b:int4:full-logits:x",
        "twin:qwen2.5-0.5b:int3"})
    void malformedReferencesAreInputErrors(String reference) {
        assertThrows(InputException.class, () -> TwinCache.Reference.parse(reference));
    }

    @Test
    void aCachedTwinIsReusedWhenItsTwinJsonAgrees(@TempDir Path cache) throws Exception {
        Path dir = fakeCachedTwin(cache, "twin:smollm2-135m:int4", "{\"quantization\": \"int4\", \"lastTokenLogits\": true}");
        assertEquals(dir, new TwinCache(cache, TwinProgress.NONE).ensure("twin:smollm2-135m:int4"));
    }

    @Test
    void aCachedTwinWithFullLogitsIsNotTakenForTheDefault(@TempDir Path cache) throws Exception {
        fakeCachedTwin(cache, "twin:smollm2-135m:int4", "{\"quantization\": \"int4\", \"lastTokenLogits\": false}");
        InputException e = assertThrows(InputException.class,
                () -> new TwinCache(cache, TwinProgress.NONE).ensure("twin:smollm2-135m:int4"));
        assertTrue(e.getMessage().contains("lastTokenLogits false"), e.getMessage());
    }

    @Test
    void aCachedInt8TwinWithoutSevenBitWeightsIsNotReused(@TempDir Path cache) throws Exception {
        fakeCachedTwin(cache, "twin:smollm2-135m:int8", "{\"quantization\": \"int8\", \"lastTokenLogits\": true}");
        InputException e = assertThrows(InputException.class,
                () -> new TwinCache(cache, TwinProgress.NONE).ensure("twin:smollm2-135m:int8"));
        assertTrue(e.getMessage().contains("int8MatMulWeightMaxMagnitude absent"), e.getMessage());
    }

    /** A cache entry with only a twin.json: enough for the reuse decision, nothing is loaded. */
    private static Path fakeCachedTwin(Path cache, String reference, String twinJson) throws Exception {
        Path dir = new TwinCache(cache, TwinProgress.NONE).directory(TwinCache.Reference.parse(reference));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("twin.json"), twinJson);
        return dir;
    }
}
