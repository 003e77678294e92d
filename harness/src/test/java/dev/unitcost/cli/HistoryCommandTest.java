package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.result.HistoryReports;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost history} run in-process over a results directory of four stored runs. */
class HistoryCommandTest {

    @TempDir
    Path results;

    @BeforeEach
    void store() {
        JsonResultStore store = new JsonResultStore(results);
        store.save(HistoryReports.run("run-a", 1, 1000));
        store.save(HistoryReports.priced(HistoryReports.run("run-priced", 2, 3000)));
        store.save(HistoryReports.run("run-b", 3, 1100));
        store.save(HistoryReports.run("run-c", 4, 990));
    }

    private CliRunner.Outcome history(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("history", "--results-dir", results.toString()));
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void listsRunsOldestFirstWithTheChangeAgainstThePreviousRunOfTheSameSetup() {
        CliRunner.Outcome o = history();
        assertEquals(0, o.exitCode(), o.err());
        String out = o.out();
        assertTrue(out.contains("History: tokens/s (higher is better)"), out);
        assertTrue(out.indexOf("run-a") < out.indexOf("run-priced") && out.indexOf("run-priced") < out.indexOf("run-b")
                && out.indexOf("run-b") < out.indexOf("run-c"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("run-b") && l.contains("1,100.0") && l.endsWith("+10.0%")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("run-c") && l.endsWith("-10.0%")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("run-priced") && l.endsWith("-")), "another setup has no previous run:\n" + out);
    }

    @Test
    void lastAndTheFiltersKeepTheBaselineAndJsonCarriesTheRows() throws Exception {
        CliRunner.Outcome o = history("--last", "1", "--format", "json", "--model", "m");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode json = ReportJson.mapper().readTree(o.out());
        assertEquals("tokensPerSecond", json.get("metric").asText());
        assertEquals(1, json.get("rows").size());
        assertEquals("run-c", json.get("rows").get(0).get("entry").get("runId").asText());
        assertEquals("run-b", json.get("rows").get(0).get("previousRunId").asText());
        assertEquals(-0.1, json.get("rows").get(0).get("change").asDouble(), 1e-12);
    }

    @Test
    void pricesInMarkdownAndNothingForAModelNeverRun() {
        CliRunner.Outcome md = history("--metric", "usdPerMillion", "--format", "markdown", "--hardware", "rent-299");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("| run-priced |"), md.out());
        assertTrue(md.out().contains("USD/1M (3:1)"), md.out());
        CliRunner.Outcome none = history("--model", "nothing-like-it");
        assertEquals(0, none.exitCode(), none.err());
        assertTrue(none.out().contains("no runs recorded, model nothing-like-it"), none.out());
    }

    @Test
    void aMetricOrCountItDoesNotKnowIsBadInput() {
        CliRunner.Outcome metric = history("--metric", "speed");
        assertEquals(ExitCodes.BAD_INPUT, metric.exitCode());
        assertTrue(metric.err().contains("--metric"), metric.err());
        CliRunner.Outcome last = history("--last", "0");
        assertEquals(ExitCodes.BAD_INPUT, last.exitCode());
        assertTrue(last.err().contains("--last"), last.err());
    }
}
