package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes saving runs into one results directory at the same time: every run is recorded exactly once. */
class HistoryConcurrencyTest {

    private static final int RUNS_EACH = 30;

    @Test
    void twoWritersAtOnceRecordEveryRunExactlyOnce(@TempDir Path dir) throws Exception {
        Path go = dir.resolve("go");
        List<Process> writers = List.of(ChildWriters.start(dir, "left", RUNS_EACH, go.toString()),
                ChildWriters.start(dir, "right", RUNS_EACH, go.toString()));
        for (Process p : writers) {
            // both JVMs up and waiting before either saves, so their saves overlap
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertEquals("ready", first);
        }
        java.nio.file.Files.createFile(go);
        List<String> outputs = new ArrayList<>();
        for (Process p : writers) {
            // each child prints one short line per run: its pipe cannot fill before it ends
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            outputs.add(out);
            assertEquals(true, ended, "a writer did not finish:\n" + out);
            assertEquals(0, p.exitValue(), "a writer failed:\n" + out);
        }

        List<String> expected = new ArrayList<>();
        for (String prefix : List.of("left", "right")) {
            for (int i = 0; i < RUNS_EACH; i++) {
                expected.add(HistoryWriterMain.runId(prefix, i));
            }
        }
        List<String> recorded = new JsonResultStore(dir).history().stream().map(HistoryEntry::runId).sorted().toList();
        assertEquals(expected, recorded, "every run once:\n" + outputs);
        try (History h = History.open(dir)) {
            assertEquals("ok", h.integrityCheck());
        }
    }
}
