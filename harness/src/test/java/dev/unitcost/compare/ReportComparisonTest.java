package dev.unitcost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cli.CliRunner;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.MetricComparison;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.nio.file.Path;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportComparisonTest {

    static MetricComparison throughput(Comparison r) {
        return r.metrics().stream().filter(m -> m.metric().equals("tokensPerSecond")).findFirst().orElseThrow();
    }

    @Test
    void aClearDropIsARegression() {
        RunReport base = RunReports.withThroughputs("base", 8, 1000, 1010, 990);
        RunReport cand = RunReports.withThroughputs("cand", 8, 800, 810, 790);
        Comparison r = ReportComparison.compare(base, cand, 0.05, 0.05);
        MetricComparison m = throughput(r);
        assertEquals(-0.2, m.changeFraction(), 1e-9); // medians 1000 -> 800
        assertEquals(new TTest().tTest(new double[] {1000, 1010, 990}, new double[] {800, 810, 790}), m.pValue(), 1e-12);
        assertTrue(m.pValue() < 0.001);
        assertEquals(MetricComparison.Verdict.REGRESSED, m.verdict());
        assertTrue(r.regressed());
    }

    @Test
    void aSmallChangeIsUnchanged() {
        Comparison r = ReportComparison.compare(RunReports.withThroughputs("b", 8, 1000, 1010, 990),
                RunReports.withThroughputs("c", 8, 980, 990, 970), 0.05, 0.05);
        assertEquals(MetricComparison.Verdict.UNCHANGED, throughput(r).verdict()); // -2%
        assertFalse(r.regressed());
    }

    @Test
    void aDropHiddenInNoiseIsNotSignificant() {
        Comparison r = ReportComparison.compare(RunReports.withThroughputs("b", 8, 1000, 600, 1400),
                RunReports.withThroughputs("c", 8, 900, 500, 1300), 0.05, 0.05);
        MetricComparison m = throughput(r);
        assertEquals(-0.1, m.changeFraction(), 1e-9);
        assertTrue(m.pValue() > 0.5, "p " + m.pValue());
        assertEquals(MetricComparison.Verdict.NOT_SIGNIFICANT, m.verdict());
        assertFalse(r.regressed());
    }

    @Test
    void aTailLatencyRegressionFailsEvenWhenThroughputHolds() {
        RunReport base = RunReports.withThroughputs("b", 8, 1000, 1010, 990);
        RunReport slowTail = withP99(RunReports.withThroughputs("c", 8, 1000, 1010, 990), 2);
        Comparison r = ReportComparison.compare(base, slowTail, 0.05, 0.05);
        MetricComparison p99 = r.metrics().stream().filter(m -> m.metric().equals("batchLatencyP99Nanos")).findFirst().orElseThrow();
        assertEquals(MetricComparison.Verdict.REGRESSED, p99.verdict());
        assertEquals(MetricComparison.Verdict.UNCHANGED, throughput(r).verdict());
        assertTrue(r.regressed());
    }

    /** The same report with its point's batch latencies {@code factor} times slower. */
    static RunReport withP99(RunReport r, int factor) {
        var p = RunReports.embedding(r).points().get(0);
        var recorder = new dev.unitcost.metrics.LatencyRecorder();
        recorder.recordNanos(p.batchLatency().p99Nanos() * factor);
        var point = new dev.unitcost.result.PointResult(p.batchSize(), p.sequenceLength(), p.warmupIterations(), p.repetitions(),
                recorder.summary(), p.status());
        return r.withResult(new dev.unitcost.result.EmbeddingResult(java.util.List.of(point)));
    }

    @Test
    void flatRepetitionsThatDifferAreCertain() {
        assertEquals(0.0, ReportComparison.pValue(new double[] {5, 5}, new double[] {4, 4}));
        assertEquals(1.0, ReportComparison.pValue(new double[] {5, 5}, new double[] {5, 5}));
    }

    @Test
    void theCommandExitsOneOnARegressionForCi(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        Path base = store.save(RunReports.withThroughputs("base", 8, 1000, 1010, 990));
        Path worse = store.save(RunReports.withThroughputs("worse", 8, 800, 810, 790));
        Path same = store.save(RunReports.withThroughputs("same", 8, 1001, 1009, 992));
        CliRunner.Outcome regressed = CliRunner.run("compare", base.toString(), worse.toString());
        assertEquals(1, regressed.exitCode(), regressed.out() + regressed.err());
        assertTrue(regressed.out().contains("REGRESSION: 1 figure(s) worse by more than 5.0%"), regressed.out());
        assertTrue(regressed.out().contains("energy not compared"), regressed.out());
        CliRunner.Outcome fine = CliRunner.run("compare", "base", "same", "--results-dir", dir.toString());
        assertEquals(0, fine.exitCode(), fine.out() + fine.err());
        assertTrue(fine.out().contains("no regression"), fine.out());
        CliRunner.Outcome loose = CliRunner.run("compare", base.toString(), worse.toString(), "--threshold", "25");
        assertEquals(0, loose.exitCode(), "a 20% drop is within a 25% threshold");
    }

    @Test
    void badInputExitsTwo(@TempDir Path dir) {
        JsonResultStore store = new JsonResultStore(dir);
        Path base = store.save(RunReports.withThroughputs("base", 8, 1000, 1010, 990));
        CliRunner.Outcome missing = CliRunner.run("compare", base.toString(), dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.json: no such report"), missing.err());
        CliRunner.Outcome threshold = CliRunner.run("compare", base.toString(), base.toString(), "--threshold", "-1");
        assertEquals(2, threshold.exitCode());
        assertTrue(threshold.err().contains("--threshold: must be in [0, 100) percent, got -1.0"), threshold.err());
    }
}
