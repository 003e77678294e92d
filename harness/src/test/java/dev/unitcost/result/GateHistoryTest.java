package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.result.MetricComparison.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate outcomes in the history: what is recorded, what a new open reads back, and the trend built from them. */
class GateHistoryTest {

    private static final Instant DECIDED = Instant.parse("2026-11-24T03:00:00.123Z");

    private static GateOutcome regression() {
        MetricComparison worse = new MetricComparison("batch 8", "tokensPerSecond", true, 1000, 800, -0.2, 0.001, Verdict.REGRESSED);
        MetricComparison same = new MetricComparison("batch 8", "p99", false, 10, 10, 0, null, Verdict.UNCHANGED);
        Comparison c = new Comparison("a", "b", 0.05, 0.05, List.of(worse, same), List.of(), 6);
        return GateOutcome.of(c, "the last earlier run with the candidate's fingerprint, a", 1, DECIDED);
    }

    @Test
    void anOutcomeIsReadBackAsRecordedAfterReopening(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(HistoryReports.run("a", 1, 1000));
        store.save(HistoryReports.run("b", 2, 800));
        GateOutcome fired = regression();
        GateOutcome passed = new GateOutcome("run a", GateOutcome.Verdict.NO_REGRESSION, 0, List.of(), null, DECIDED.plusSeconds(60));
        try (History h = History.open(dir)) {
            assertTrue(h.recordGate("b", passed));
            assertTrue(h.recordGate("b", fired));
        }
        try (History h = History.open(dir)) {
            assertEquals(List.of(new GateOutcome.Recorded("b", fired), new GateOutcome.Recorded("b", passed)), h.gates(),
                    "oldest decision first, every field as recorded");
        }
        assertEquals(GateOutcome.Verdict.REGRESSION, fired.verdict());
        assertEquals(List.of("batch 8 tokensPerSecond: 1000.00 → 800.000 (-20.0%)"), fired.regressedFigures());
        assertEquals("regression confirmed", fired.verdictText());
        assertEquals("no regression", passed.verdictText());
    }

    @Test
    void aRunTheHistoryDoesNotHoldIsNotRecorded(@TempDir Path dir) {
        new JsonResultStore(dir).save(HistoryReports.run("a", 1, 1000));
        try (History h = History.open(dir)) {
            assertFalse(h.recordGate("elsewhere", regression()));
            assertEquals(List.of(), h.gates());
        }
    }

    @Test
    void openExistingCreatesNothingWhereThereIsNoHistory(@TempDir Path dir) {
        assertTrue(History.openExisting(dir).isEmpty());
        assertFalse(Files.exists(dir.resolve(History.FILE)));
    }

    @Test
    void theTrendGroupsRunsBySetupAndMarksTheRunsWhereTheGateFired(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(HistoryReports.run("a", 1, 1000));
        store.save(HistoryReports.priced(HistoryReports.run("p", 2, 3000)));
        store.save(HistoryReports.run("b", 3, 800));
        try (History h = History.open(dir)) {
            h.recordGate("b", regression());
            HistoryTrend trend = HistoryTrend.of(h.entries(), h.gates(), null, null);
            assertEquals(2, trend.setups().size(), "unpriced and priced are two setups");
            HistoryTrend.Setup unpriced = trend.setups().get(0);
            assertEquals(List.of("a", "b"), unpriced.runs().stream().map(r -> r.entry().runId()).toList());
            assertEquals(List.of(false, true), unpriced.runs().stream().map(HistoryTrend.Run::fired).toList());
            assertEquals(1, trend.gates().size());
            HistoryTrend other = HistoryTrend.of(h.entries(), h.gates(), "another-model", null);
            assertEquals(List.of(), other.setups());
            assertEquals(List.of(), other.gates(), "a gate on a run filtered out is not shown");
        }
    }
}
