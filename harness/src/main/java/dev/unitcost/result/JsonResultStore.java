package dev.unitcost.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.unitcost.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Reports as {@code DIR/RUNID.json}, indexed in {@code DIR/history.db} ({@link History}). Each
 * report is written to a temporary file in the same directory and renamed into place; the run is
 * recorded in the history only after the rename, so the history never names a report that is not
 * there. The JSON files are the source of truth. An {@code index.jsonl} of earlier builds is
 * imported into the history on first use and left as it is.
 */
public final class JsonResultStore implements ResultStore {

    private final Path dir;

    public JsonResultStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path save(RunReport report) {
        Path target = dir.resolve(report.runId() + ".json");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + report.runId(), ".json.part");
            try {
                Files.writeString(tmp, ReportJson.write(report) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
        try (History history = History.open(dir)) {
            history.add(report, target);
        }
        return target;
    }

    @Override
    public RunReport load(String runIdOrPath) {
        boolean isPath = runIdOrPath.endsWith(".json") || runIdOrPath.contains("/") || runIdOrPath.contains(java.io.File.separator);
        Path file = isPath ? Path.of(runIdOrPath) : dir.resolve(runIdOrPath + ".json");
        try {
            return LegacyReports.read(ReportJson.mapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such report");
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not a unitcost report (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every run in the history, oldest first; empty (and nothing created) when the directory does not exist. */
    @Override
    public List<HistoryEntry> history() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (History history = History.open(dir)) {
            return history.entries();
        }
    }
}
