package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.result.GateOutcome;
import dev.unitcost.result.History;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost compare} records its outcome for a stored candidate, and {@code history --html} marks it; in-process. */
class GateRecordCliTest {

    private static void storeBaseAndRegressedCandidate(Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(RunReports.withThroughputs("base", 8, 1000, 1010, 990));
        store.save(RunReports.withThroughputs("cand", 8, 800, 810, 790));
    }

    @Test
    void aRegressionOnAStoredCandidateIsRecorded(@TempDir Path dir) {
        storeBaseAndRegressedCandidate(dir);
        CliRunner.Outcome o = CliRunner.run("compare", "base", "cand", "--results-dir", dir.toString());
        assertEquals(1, o.exitCode(), o.out() + o.err());
        try (History h = History.open(dir)) {
            List<GateOutcome.Recorded> gates = h.gates();
            assertEquals(1, gates.size());
            assertEquals("cand", gates.get(0).candidateRunId());
            GateOutcome g = gates.get(0).outcome();
            assertEquals(GateOutcome.Verdict.REGRESSION, g.verdict());
            assertEquals(1, g.exitCode());
            assertEquals("run base", g.baseline());
            assertTrue(g.regressedFigures().stream().anyMatch(f -> f.startsWith("batch 8 tokensPerSecond: ")), g.regressedFigures().toString());
        }
    }

    @Test
    void withoutAHistoryCompareWorksAndRecordsNothing(@TempDir Path stored, @TempDir Path bare) throws IOException {
        storeBaseAndRegressedCandidate(stored);
        Path base = Files.copy(stored.resolve("base.json"), bare.resolve("base.json"));
        Path cand = Files.copy(stored.resolve("cand.json"), bare.resolve("cand.json"));
        CliRunner.Outcome o = CliRunner.run("compare", base.toString(), cand.toString(), "--results-dir", bare.toString());
        assertEquals(1, o.exitCode(), o.out() + o.err());
        assertEquals("", o.err());
        assertFalse(Files.exists(bare.resolve(History.FILE)), "no history is created for the record");
    }

    @Test
    void theTrendPageMarksTheRunWhereTheGateFired(@TempDir Path dir) throws IOException {
        storeBaseAndRegressedCandidate(dir);
        assertEquals(1, CliRunner.run("compare", "base", "cand", "--results-dir", dir.toString()).exitCode());
        CliRunner.Outcome o = CliRunner.run("history", "--html", "--results-dir", dir.toString());
        assertEquals(0, o.exitCode(), o.err());
        Path page = dir.resolve("history.html");
        assertEquals(List.of(page.toString()), o.out().lines().toList());
        String html = Files.readString(page);
        assertTrue(html.contains("gate fired on run cand"), "the note under the chart");
        assertTrue(html.contains("gate fired: cand"), "the note on the chart");

        Path out = dir.resolve("elsewhere/trend.html");
        assertEquals(0, CliRunner.run("history", "--html", "--out", out.toString(), "--results-dir", dir.toString()).exitCode());
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void listingOptionsAreRefusedWithHtml(@TempDir Path dir) {
        storeBaseAndRegressedCandidate(dir);
        CliRunner.Outcome metric = CliRunner.run("history", "--html", "--metric", "joulesPerToken", "--results-dir", dir.toString());
        assertEquals(2, metric.exitCode());
        assertTrue(metric.err().contains("--metric"), metric.err());
        CliRunner.Outcome out = CliRunner.run("history", "--out", dir.resolve("x.html").toString(), "--results-dir", dir.toString());
        assertEquals(2, out.exitCode());
        assertTrue(out.err().contains("--out: is used by --html only"), out.err());
    }
}
