package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL while it saves runs in a loop leaves a sound database in which every
 * run it had committed is present and whole; the run in flight is there whole or not at all.
 */
class HistoryCrashTest {

    @Test
    void killMinusNineMidInsertLosesNoCommittedRun(@TempDir Path dir) throws Exception {
        Process child = ChildWriters.start(dir, "crash", 1_000_000);
        List<String> committed = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed.size() < 25 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed.add(line.substring("committed ".length()));
                } else {
                    other.append(line).append('\n');
                }
            }
            // the child is in its save loop: kill it without warning, whatever it is writing
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ended");
        } finally {
            child.destroyForcibly();
        }
        if (committed.size() < 25) {
            fail("the writer stopped before 25 runs:\n" + other);
        }

        try (History h = History.open(dir)) {
            assertEquals("ok", h.integrityCheck());
            Map<String, HistoryEntry> byId = new HashMap<>();
            for (HistoryEntry e : h.entries()) {
                byId.put(e.runId(), e);
            }
            for (int i = 0; i < committed.size(); i++) {
                String runId = HistoryWriterMain.runId("crash", i);
                assertEquals(runId, committed.get(i));
                assertEquals(History.entryOf(HistoryWriterMain.report(runId, i), runId + ".json"), byId.get(runId), "run " + runId);
            }
            for (HistoryEntry e : byId.values()) {
                int i = Integer.parseInt(e.runId().substring("crash-".length()));
                assertEquals(History.entryOf(HistoryWriterMain.report(e.runId(), i), e.runId() + ".json"), e,
                        "a run recorded after the last one reported committed is whole");
            }
            assertTrue(byId.size() <= committed.size() + 1, "at most the run in flight beyond those reported");
        }
    }
}
