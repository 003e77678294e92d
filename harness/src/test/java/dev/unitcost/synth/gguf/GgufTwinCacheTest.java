package dev.unitcost.synth.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import dev.unitcost.synth.TwinPreset;
import dev.unitcost.synth.TwinProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GGUF twins written into the cache once, reused after, and refused when the cached file is not theirs. */
class GgufTwinCacheTest {

    @TempDir
    Path cache;

    @Test
    void writesOnceThenReuses() throws Exception {
        AtomicLong reported = new AtomicLong();
        GgufTwinCache c = new GgufTwinCache(cache, (done, total) -> reported.set(total));
        Path file = c.ensure("smollm2-135m", GgufQuant.Q4_0);
        assertEquals(cache.resolve("twins/smollm2-135m-q4_0-seed0-gguf/smollm2-135m-q4_0.gguf"), file);
        assertEquals(89_941_248L, reported.get()); // the data bytes GgufTwinPlanTest works out by hand
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        assertEquals(file, new GgufTwinCache(cache, TwinProgress.NONE).ensure("SmolLM2-135M", GgufQuant.Q4_0));
        assertEquals(FileTime.fromMillis(1_000_000), Files.getLastModifiedTime(file)); // not written again
    }

    @Test
    void refusesACachedFileOfAnotherTwin() throws Exception {
        // another quantisation's file under the q8_0 directory's name
        TwinPreset p = TwinPreset.named("smollm2-135m");
        GgufTwinPlan f16 = new GgufTwinPlan(p.architecture(), GgufQuant.F16, 0, new GgufTwinPlan.Facts(p.name(), 1, 2));
        Path dir = cache.resolve("twins/smollm2-135m-q8_0-seed0-gguf");
        Files.createDirectories(dir);
        // a header alone is enough for the check: a sparse file of the planned size
        Path file = dir.resolve("smollm2-135m-q8_0.gguf");
        Files.write(file, f16.header().encode());
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(f16.fileBytes());
        }
        InputException e = assertThrows(InputException.class,
                () -> new GgufTwinCache(cache, TwinProgress.NONE).ensure("smollm2-135m", GgufQuant.Q8_0));
        assertTrue(e.getMessage().contains("general.file_type is 1, expected 7") && e.getMessage().contains("delete " + dir),
                e.getMessage());
    }

    @Test
    void refusesMixtureOfExpertsPresets() {
        InputException e = assertThrows(InputException.class,
                () -> new GgufTwinCache(cache, TwinProgress.NONE).ensure("mixtral-8x7b", GgufQuant.Q4_0));
        assertEquals("model", e.setting());
    }
}
