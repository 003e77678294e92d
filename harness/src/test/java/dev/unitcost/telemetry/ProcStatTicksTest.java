package dev.unitcost.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direct /proc/stat reader against fake files: fields, offline cores, re-reads, and refusal. */
class ProcStatTicksTest {

    private static final String STAT = """
            cpu  200 2 100 4000 40 0 10 5 0 0
            cpu0 120 1 60 1900 30 0 6 3 7 0
            cpu2 80 1 40 2100 10 0 4 2 0 0
            intr 12345 0 1 2 3 4 5
            ctxt 999
            cpu9 1 1 1 1 1 1 1 1
            """;

    @TempDir
    Path dir;

    @Test
    void parsesTheCoreLinesInOshisTickOrder() throws Exception {
        Path file = dir.resolve("stat");
        Files.writeString(file, STAT);
        try (ProcStatTicks t = ProcStatTicks.open(file, 3).orElseThrow()) {
            long[][] ticks = t.read();
            assertArrayEquals(new long[] {120, 1, 60, 1900, 30, 0, 6, 3}, ticks[0], "guest (the 9th field) is inside user already");
            assertArrayEquals(new long[8], ticks[1], "an offline core reads as no ticks, so its load is absent");
            assertArrayEquals(new long[] {80, 1, 40, 2100, 10, 0, 4, 2}, ticks[2]);

            Files.writeString(file, STAT.replace("cpu0 120", "cpu0 130"));
            long[][] again = t.read();
            assertEquals(130, again[0][0], "each read is fresh, from offset 0");
            assertEquals(120, ticks[0][0], "the previous read stays intact for the deltas");
        }
    }

    @Test
    void aFileWithoutCoreLinesOrNoFileIsRefused() throws Exception {
        Path file = dir.resolve("stat");
        Files.writeString(file, "intr 1 2 3\n");
        assertTrue(ProcStatTicks.open(file, 2).isEmpty());
        assertTrue(ProcStatTicks.open(dir.resolve("missing"), 2).isEmpty());
    }
}
