package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run of the real model, in-process, end to end: measure, price, store, print. */
class RunCommandTest {

    @TempDir
    static Path dir;

    static CliRunner.Outcome outcome;
    static Path results;

    @BeforeAll
    static void runOnce() {
        System.setProperty("unitcost.cache", TestModels.CACHE.toString());
        Path project = TestProject.create(dir.resolve("project"));
        results = dir.resolve("results");
        outcome = CliRunner.run("run", "--project-dir", project.toString(), "--results-dir", results.toString(),
                "--workload", "tiny", "--hardware", "test-cpu", "--format", "json", "--threads", "1", "--sample-interval-ms", "20");
    }

    @Test
    void writesOneReportAndAnIndexLine() throws Exception {
        assertEquals(0, outcome.exitCode(), outcome.err());
        JsonResultStore store = new JsonResultStore(results);
        assertEquals(1, store.history().size());
        RunReport report = store.load(store.history().get(0).runId());
        assertEquals(RunReport.SCHEMA_VERSION, report.schemaVersion());
        var points = dev.unitcost.result.RunReports.embedding(report).points();
        assertEquals(2, points.size());
        points.forEach(p -> {
            assertEquals("ok", p.status());
            assertEquals(3, p.repetitions().size());
            p.repetitions().forEach(r -> assertEquals(r.sequences() * 32, r.tokens(), "packed: every token is real"));
        });
        assertEquals("afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1", report.header().provenance().modelSha256());
        assertEquals("real", report.header().model().kind());
        assertTrue(report.cost().apis().size() == 2, "both embedding models priced");
        assertTrue(report.header().telemetry().get(0).sampleCount() >= 2);
        assertTrue(report.header().telemetry().get(0).series().containsKey("processCpuNanos"));
    }

    @Test
    void stdoutIsTheStoredReport() throws Exception {
        JsonNode printed = ReportJson.mapper().readTree(outcome.out());
        Path stored = results.resolve(printed.get("header").get("runId").asText() + ".json");
        assertEquals(ReportJson.mapper().readTree(Files.readString(stored)), printed);
    }

    /** The schema (every field path) is sealed: a change must update the golden file and bump schemaVersion. */
    @Test
    void reportSchemaMatchesTheGoldenFile() throws Exception {
        dev.unitcost.result.SchemaPaths.assertMatchesGolden(outcome.out(), "embedding-report-v2.paths");
    }

    @Test
    void tableFormatShowsTheSweepAndTheApis() {
        CliRunner.Outcome table = CliRunner.run("run", "--project-dir", dir.resolve("project").toString(),
                "--results-dir", dir.resolve("results-table").toString(), "--workload", "tiny", "--hardware", "test-rented",
                "--batch-sizes", "2", "--repetitions", "1", "--quiet");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("tokens/s (median)"), table.out());
        assertTrue(table.out().contains("embed-small"), table.out());
        assertTrue(table.out().contains("hardware: USD 2.99/h per device at utilisation 100.0%: test-rented"), table.out());
        assertEquals("", table.err(), "--quiet prints no progress");
    }
}
