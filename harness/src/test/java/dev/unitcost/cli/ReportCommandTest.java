package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cost.GenerationReports;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost report}: a stored run written in any format, to stdout or atomically to a file. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private Path stored() {
        RunReport r = GenerationReports.report(GenerationReports.point(4, 100, 11, 100_000_000L, 1_000_000_000L));
        return new JsonResultStore(tmp.resolve("results")).save(r);
    }

    @Test
    void writesHtmlToAFileAndNothingElseBeside() throws Exception {
        Path stored = stored();
        Path out = tmp.resolve("pages/run.html");
        CliRunner.Outcome o = CliRunner.run("report", stored.toString(), "--format", "html", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("report: " + out + "\n", o.out());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<svg"), html.substring(0, 200));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void findsARunIdUnderTheResultsDirectoryAndPrintsEveryFormat() throws Exception {
        Path stored = stored();
        String id = stored.getFileName().toString().replace(".json", "");
        String results = tmp.resolve("results").toString();
        CliRunner.Outcome md = CliRunner.run("report", id, "--results-dir", results, "--format", "markdown");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().startsWith("## "), md.out());
        CliRunner.Outcome json = CliRunner.run("report", id, "--results-dir", results, "--format", "json");
        assertEquals(ReportJson.mapper().readValue(Files.readString(stored), RunReport.class),
                ReportJson.mapper().readValue(json.out(), RunReport.class));
        CliRunner.Outcome table = CliRunner.run("report", id, "--results-dir", results);
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("greedy decoding"), table.out());
    }

    @Test
    void aRunsPageGoesBesideItsJson() throws Exception {
        RunReport r = RunReports.withPoint(8, 10_000, 1_000_000_000L);
        Path stored = new JsonResultStore(tmp.resolve("results")).save(r);
        Path page = ReportCommand.writeHtmlBeside(stored, r);
        assertEquals(tmp.resolve("results").resolve(r.runId() + ".html"), page);
        assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path stored = new JsonResultStore(tmp.resolve("results")).save(RunReports.withPoint(8, 10_000, 1_000_000_000L));
        CliRunner.Outcome format = CliRunner.run("report", stored.toString(), "--format", "pdf");
        assertEquals(2, format.exitCode());
        assertEquals("unitcost: --format: expected one of table, markdown, json, html, csv, got 'pdf'\n", format.err());
        CliRunner.Outcome missing = CliRunner.run("report", tmp.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("no such report"), missing.err());
        Path notAReport = Files.writeString(tmp.resolve("x.json"), "[1, 2");
        CliRunner.Outcome broken = CliRunner.run("report", notAReport.toString(), "--format", "html");
        assertEquals(2, broken.exitCode());
        assertEquals(1, broken.err().lines().count(), broken.err());
        CliRunner.Outcome dir = CliRunner.run("report", stored.toString(), "--format", "html", "--out", tmp.toString());
        assertEquals(2, dir.exitCode());
        assertFalse(dir.err().isBlank());
    }
}
