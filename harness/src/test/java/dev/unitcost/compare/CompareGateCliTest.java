package dev.unitcost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cli.CliRunner;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost compare} as a nightly gate, in-process, over a temporary results directory. */
class CompareGateCliTest {

    private static RunReport run(String id, int day, double... tps) {
        return NoisyRuns.startedAt(RunReports.withThroughputs(id, 8, tps), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * day));
    }

    @Test
    void unlikeRunsAreRefusedWithOneLineUnlessAllowed(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(run("base", 0, 1000, 1010, 990));
        store.save(NoisyRuns.withRuntime(run("upgraded", 1, 1000, 1010, 990), "1.29.0"));
        CliRunner.Outcome refused = CliRunner.run("compare", "base", "upgraded", "--results-dir", dir.toString());
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertEquals(List.of("unitcost: cannot compare base with upgraded: unlike runs: runtime 1.23.2 → 1.29.0 (--allow-different to compare anyway)"),
                refused.err().lines().toList());
        assertEquals("", refused.out());
        CliRunner.Outcome allowed = CliRunner.run("compare", "base", "upgraded", "--allow-different", "--results-dir", dir.toString());
        assertEquals(0, allowed.exitCode(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("note: differs: runtime 1.23.2 → 1.29.0"), allowed.out());
    }

    @Test
    void lastAndMedianBaselinesComeFromEarlierRunsWithTheSameFingerprint(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(run("d0", 0, 1000, 1002, 998));
        store.save(run("d1", 1, 1100, 1102, 1098));
        store.save(NoisyRuns.withRuntime(run("other", 2, 500, 501, 499), "1.29.0")); // same fingerprint: the runtime is not part of it
        store.save(run("d3", 3, 900, 902, 898));
        store.save(run("cand", 4, 905, 906, 904));
        store.save(run("later", 5, 10, 11, 12)); // after the candidate: never its baseline
        // 'last' is the latest earlier run with the fingerprint: d3
        CliRunner.Outcome last = CliRunner.run("compare", "last", "cand", "--results-dir", dir.toString());
        assertEquals(0, last.exitCode(), last.out() + last.err());
        assertTrue(last.out().contains("baseline d3, candidate cand"), last.out());
        assertTrue(last.out().contains("the last earlier run with the candidate's fingerprint, d3"), last.out());
        // median:3 of d1 (1100), other (500) and d3 (900): each point's repetitions are the runs' median ones, so the figure is 900
        CliRunner.Outcome median = CliRunner.run("compare", "median:3", "cand", "--results-dir", dir.toString());
        assertEquals(0, median.exitCode(), median.out() + median.err());
        assertTrue(median.out().contains("median of 3 earlier runs (d1, other, d3)"), median.out());
        assertTrue(median.out().matches("(?s).*tokensPerSecond \\(higher is better\\) +900 +905 .*"), median.out());
        CliRunner.Outcome tooMany = CliRunner.run("compare", "median:9", "cand", "--results-dir", dir.toString());
        assertEquals(2, tooMany.exitCode(), tooMany.out() + tooMany.err());
        assertTrue(tooMany.err().contains("baseline median:9: 4 earlier run(s)"), tooMany.err());
        CliRunner.Outcome bad = CliRunner.run("compare", "median:x", "cand", "--results-dir", dir.toString());
        assertEquals(2, bad.exitCode(), bad.err());
    }

    @Test
    void aRunOfAnotherWorkloadIsNeverABaseline(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(NoisyRuns.startedAt(RunReports.withThroughputs("b16", 16, 1000, 1001), Instant.parse("2026-10-01T00:00:00Z")));
        store.save(run("b8", 1, 1000, 1002, 998));
        CliRunner.Outcome none = CliRunner.run("compare", "last", "b8", "--results-dir", dir.toString());
        assertEquals(2, none.exitCode(), none.out() + none.err());
        assertTrue(none.err().contains("baseline last: 0 earlier run(s) of embedding with ort on 2 CPU threads of cpu, workload w"), none.err());
    }

    @Test
    void exitCodesOfTheConfirmStep(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        ConfirmStepTest.Scenario worse = ConfirmStepTest.Scenario.of(1, 0.8, ConfirmStepTest.HISTORY);
        worse.history().forEach(store::save);
        store.save(worse.candidate());
        // history from the results directory: the candidate's fingerprint, before it
        CliRunner.Outcome confirmed = CliRunner.run("compare", "last", "cand", "--confirm", "--results-dir", dir.toString());
        assertEquals(1, confirmed.exitCode(), confirmed.out() + confirmed.err());
        assertTrue(confirmed.out().contains("REGRESSION: 1 figure(s) worse by more than 5.0% (confirmed by the history)"), confirmed.out());
        assertTrue(confirmed.out().contains("confirm: batch 8 tokensPerSecond: regressed (history of 6 runs"), confirmed.out());

        CliRunner.Outcome thin = CliRunner.run("compare", "base", "cand", "--confirm", "--history", "h0", "base", "--results-dir", dir.toString());
        assertEquals(3, thin.exitCode(), thin.out() + thin.err());
        assertTrue(thin.out().contains("INCONCLUSIVE: 1 figure(s)"), thin.out());
        CliRunner.Outcome plain = CliRunner.run("compare", "base", "cand", "--results-dir", dir.toString());
        assertEquals(1, plain.exitCode(), "without --confirm the t-test alone decides");
    }

    @Test
    void aFalseAlarmPassesTheGate(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        long seed = 0;
        while (ConfirmStepTest.throughput(ConfirmStepTest.Scenario.of(seed, 1, ConfirmStepTest.HISTORY).plain()).verdict()
                != dev.unitcost.result.MetricComparison.Verdict.REGRESSED) {
            seed++;
        }
        ConfirmStepTest.Scenario same = ConfirmStepTest.Scenario.of(seed, 1, ConfirmStepTest.HISTORY);
        same.history().forEach(store::save);
        store.save(same.candidate());
        assertEquals(1, CliRunner.run("compare", "base", "cand", "--results-dir", dir.toString()).exitCode(), "the plain test cries wolf");
        CliRunner.Outcome gate = CliRunner.run("compare", "base", "cand", "--confirm", "--results-dir", dir.toString());
        assertEquals(0, gate.exitCode(), gate.out() + gate.err());
        assertTrue(gate.out().contains("no regression: 1 figure(s) worse than the baseline are within the history's range"), gate.out());
    }

    @Test
    void historyWithoutConfirmIsBadInput(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        store.save(run("base", 0, 1000, 1010, 990));
        CliRunner.Outcome o = CliRunner.run("compare", "base", "base", "--history", "base", "--results-dir", dir.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--history: is used by --confirm only"), o.err());
    }
}
