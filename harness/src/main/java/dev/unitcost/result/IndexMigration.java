package dev.unitcost.result;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports {@code index.jsonl}, the history file of earlier builds, into {@link History}. Each line
 * names a report: where the report still exists it is read and recorded whole (fingerprint and
 * figures); where it is gone, the line's own fields are recorded without a fingerprint, so the run
 * is listed but is nobody's baseline. The database counts the lines it has taken; a later open
 * imports only lines added since, and a run already recorded is kept as it is.
 */
final class IndexMigration {

    /** An index line as earlier builds wrote it. */
    record IndexLine(String runId, String startedAt, String task, String model, String engine, String hardwareProfile, String file,
            Double bestTokensPerSecond) {}

    private IndexMigration() {}

    static void importNewLines(History history, Path index) throws SQLException {
        if (!Files.isRegularFile(index)) {
            return;
        }
        List<String> lines = nonBlankLines(index);
        int start = history.indexLinesImported();
        if (lines.size() <= start) {
            return;
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            entries.add(entry(history.dir(), line, index));
        }
        history.inTransaction(() -> {
            int done = history.indexLinesImported(); // another process may have imported some meanwhile
            for (int i = Math.max(0, done - start); i < entries.size(); i++) {
                history.insert(entries.get(i), "INSERT OR IGNORE");
            }
            history.setIndexLinesImported(Math.max(done, lines.size()));
            return null;
        });
    }

    private static HistoryEntry entry(Path dir, String json, Path index) {
        IndexLine line;
        try {
            line = ReportJson.mapper().readValue(json, IndexLine.class);
        } catch (IOException e) {
            throw new UncheckedIOException(index + ": a line is not a history entry: " + json, e);
        }
        Path file = line.file() == null ? null : dir.resolve(line.file());
        if (file != null && Files.isRegularFile(file)) {
            try {
                RunReport report = LegacyReports.read(ReportJson.mapper().readTree(Files.readAllBytes(file)), file.toString());
                return History.entryOf(report, line.file());
            } catch (IOException | RuntimeException e) {
                // not a readable report any more: fall back to what the line itself says
            }
        }
        return new HistoryEntry(line.runId(), line.startedAt(), line.task(), line.model(), line.engine(), line.hardwareProfile(),
                line.file() == null ? line.runId() + ".json" : line.file(), line.bestTokensPerSecond(), null, null, null, null);
    }

    private static List<String> nonBlankLines(Path index) {
        try {
            return Files.readAllLines(index, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }
}
