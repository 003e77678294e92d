package dev.unitcost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.result.Comparison;
import dev.unitcost.result.MetricComparison;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pooling re-measured runs, and a regression standing only when it shows again. */
class RemeasuredTest {

    @Test
    void poolingKeepsEveryRepetitionOfEveryRun() {
        RunReport a = RunReports.withThroughputs("a", 8, 1000, 1010);
        RunReport b = RunReports.withThroughputs("b", 8, 990, 1005, 995);
        RunReport pooled = Remeasured.pool(List.of(a, b));
        var point = RunReports.embedding(pooled).points().get(0);
        assertEquals(5, point.repetitions().size());
        assertEquals(1000.0, point.tokensPerSecond().median(), 1e-9);
        assertEquals("pooled over 2 runs", point.stoppedBecause());
    }

    static MetricComparison throughput(Comparison c) {
        return c.metrics().stream().filter(m -> m.metric().equals("tokensPerSecond")).findFirst().orElseThrow();
    }

    @Test
    void aRegressionStandsOnlyWhenItShowsAgain() {
        RunReport base = RunReports.withThroughputs("base", 8, 1000, 1010, 990);
        Comparison noisy = ReportComparison.compare(base, RunReports.withThroughputs("cand", 8, 700, 710, 690), 0.05, 0.05);
        assertEquals(MetricComparison.Verdict.REGRESSED, throughput(noisy).verdict());

        Comparison fine = ReportComparison.compare(base, RunReports.withThroughputs("again", 8, 1002, 995, 1008), 0.05, 0.05);
        Comparison judged = Remeasured.judge(noisy, fine, "1 round");
        assertEquals(MetricComparison.Verdict.NOT_REPRODUCED, throughput(judged).verdict());
        assertTrue(throughput(judged).confirmation().startsWith("re-measured (1 round): +"), throughput(judged).confirmation());
        assertTrue(!judged.regressed());

        Comparison still = ReportComparison.compare(base, RunReports.withThroughputs("again", 8, 705, 700, 702), 0.05, 0.05);
        assertEquals(MetricComparison.Verdict.REGRESSED, throughput(Remeasured.judge(noisy, still, "1 round")).verdict());
        assertTrue(Remeasured.judge(noisy, still, "1 round").regressed());
    }
}
