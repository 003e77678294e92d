package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite history: what a save records, what a new open reads back, and the last runs of a fingerprint. */
class HistoryTest {

    @Test
    void aSavedRunIsRecordedWithItsFingerprintAndFiguresAndReadBackAfterReopening(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        RunReport priced = HistoryReports.priced(HistoryReports.run("b", 2, 2000));
        RunReport energy = HistoryReports.withJoulesPerToken(HistoryReports.run("a", 1, 1000), 0.25);
        store.save(priced);
        store.save(energy);

        assertTrue(Files.isRegularFile(dir.resolve(History.FILE)));
        assertTrue(Files.notExists(dir.resolve(History.INDEX)), "the history replaces the index file");
        List<HistoryEntry> entries = new JsonResultStore(dir).history();
        assertEquals(List.of("a", "b"), entries.stream().map(HistoryEntry::runId).toList(), "oldest first");
        HistoryEntry a = entries.get(0);
        HistoryEntry b = entries.get(1);
        assertEquals(History.entryOf(energy, "a.json"), a);
        assertEquals(History.entryOf(priced, "b.json"), b);
        assertEquals(Fingerprint.of(energy), a.fingerprint());
        assertEquals(1000.0, a.bestTokensPerSecond(), 1e-9);
        assertEquals(0.25, a.joulesPerToken(), 1e-12);
        assertNull(a.usdPerMillion3to1(), "an unpriced run has no price");
        assertEquals(priced.cost().best().usdPerMillionBlended3to1(), b.usdPerMillion3to1());
        assertEquals("rent-299", b.hardwareProfile());
        assertEquals("rent-299", b.fingerprint().hardwareProfile());
        assertNull(a.fingerprint().hardwareProfile(), "an unpriced run has no profile in its fingerprint");
        assertEquals("w", a.workload());
        assertEquals("ab", a.fingerprint().modelSha256());
        assertEquals("1.23.2", a.fingerprint().runtimeVersion());
        assertNotEquals(a.fingerprint().key(), b.fingerprint().key(), "priced on a profile is another setup");
    }

    @Test
    void savingARunAgainReplacesItsLine(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(HistoryReports.run("a", 1, 1000));
        store.save(HistoryReports.priced(HistoryReports.run("a", 1, 1000)));
        List<HistoryEntry> entries = store.history();
        assertEquals(1, entries.size());
        assertNotNull(entries.get(0).usdPerMillion3to1());
    }

    @Test
    void lastAndLastNGiveTheNewestReportFilesOfTheSameFingerprintThatStillExist(@TempDir Path dir) throws IOException {
        JsonResultStore store = new JsonResultStore(dir);
        for (int i = 1; i <= 4; i++) {
            store.save(HistoryReports.run("run-" + i, i, 1000 + i));
        }
        store.save(HistoryReports.priced(HistoryReports.run("other-setup", 9, 5000)));
        Fingerprint fp = Fingerprint.of(HistoryReports.run("x", 0, 1));
        try (History h = History.open(dir)) {
            assertEquals(Optional.of(dir.resolve("run-4.json")), h.last(fp));
            assertEquals(List.of(dir.resolve("run-4.json"), dir.resolve("run-3.json")), h.lastN(fp, 2));
            Files.delete(dir.resolve("run-4.json"));
            assertEquals(List.of(dir.resolve("run-3.json"), dir.resolve("run-2.json"), dir.resolve("run-1.json")), h.lastN(fp, 10),
                    "a deleted report is nobody's baseline");
            Fingerprint elsewhere = new Fingerprint("ab", "ort", "1.23.2", "another cpu", 2, List.of(), "w", null);
            assertEquals(Optional.empty(), h.last(elsewhere));
            assertEquals("ok", h.integrityCheck());
        }
    }

    @Test
    void anIndexFileIsImportedOnceReadingTheReportsThatStillExist(@TempDir Path dir) throws IOException {
        RunReport kept = HistoryReports.priced(HistoryReports.run("kept", 1, 1500));
        Files.writeString(dir.resolve("kept.json"), ReportJson.write(kept) + "\n");
        String index = line("kept", "2026-11-23T00:01:00Z", "kept.json", 1500.0)
                + line("gone", "2026-11-23T00:02:00Z", "gone.json", 900.0);
        Files.writeString(dir.resolve(History.INDEX), index, StandardCharsets.UTF_8);

        List<HistoryEntry> first = new JsonResultStore(dir).history();
        assertEquals(List.of("kept", "gone"), first.stream().map(HistoryEntry::runId).toList());
        assertEquals(History.entryOf(kept, "kept.json"), first.get(0), "a report that exists is read whole");
        HistoryEntry gone = first.get(1);
        assertNull(gone.fingerprint(), "the line alone has no fingerprint");
        assertEquals(900.0, gone.bestTokensPerSecond(), 1e-9);
        assertEquals("gone.json", gone.file());

        assertEquals(first, new JsonResultStore(dir).history(), "a second open imports nothing again");
        assertEquals(index, Files.readString(dir.resolve(History.INDEX)), "the index file is left as it was");

        Files.writeString(dir.resolve(History.INDEX), index + line("later", "2026-11-23T00:03:00Z", "later.json", 700.0));
        assertEquals(List.of("kept", "gone", "later"), new JsonResultStore(dir).history().stream().map(HistoryEntry::runId).toList(),
                "a line appended by an older build is imported, the rest not again");
    }

    @Test
    void aSaveAfterTheImportKeepsBoth(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(History.INDEX), line("old", "2026-11-22T00:00:00Z", "old.json", 10.0));
        new JsonResultStore(dir).save(HistoryReports.run("new", 1, 1000));
        assertEquals(List.of("old", "new"), new JsonResultStore(dir).history().stream().map(HistoryEntry::runId).toList());
    }

    private static String line(String runId, String startedAt, String file, double tokensPerSecond) {
        return "{\"runId\":\"" + runId + "\",\"startedAt\":\"" + startedAt + "\",\"task\":\"embedding\",\"model\":\"m\",\"engine\":\"ort\","
                + "\"hardwareProfile\":\"rent-299\",\"file\":\"" + file + "\",\"bestTokensPerSecond\":" + tokensPerSecond + "}\n";
    }
}
