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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports as {@code DIR/RUNID.json}, plus {@code DIR/index.jsonl} with one {@link HistoryEntry}
 * per line. Each report is written to a temporary file in the same directory and renamed into
 * place; the index line is appended only after the rename.
 */
public final class JsonResultStore implements ResultStore {

    private static final String INDEX = "index.jsonl";
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
            var points = report.result().pricePoints(report.runId());
            Double best = points.isEmpty() ? null : bestRate(points.get(dev.unitcost.cost.Pricing.bestIndex(points)));
            RunHeader h = report.header();
            HistoryEntry entry = new HistoryEntry(report.runId(), h.startedAt().toString(), report.result().kind(),
                    h.model().name(), h.config().engine(),
                    report.cost() != null ? report.cost().hardware().name() : h.config().hardwareProfile(),
                    target.getFileName().toString(), best);
            String line = ReportJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(entry) + "\n";
            Files.writeString(dir.resolve(INDEX), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
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

    /** What the history index keeps of a point: its decode rate when it generates, else its input rate. */
    private static double bestRate(dev.unitcost.cost.PricePoint p) {
        var out = p.throughput().outputTokensPerSecond();
        return out.isPresent() ? out.getAsDouble() : p.throughput().inputTokensPerSecond();
    }

    @Override
    public List<HistoryEntry> history() {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        try {
            List<HistoryEntry> out = new ArrayList<>();
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(ReportJson.mapper().readValue(line, HistoryEntry.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }
}
