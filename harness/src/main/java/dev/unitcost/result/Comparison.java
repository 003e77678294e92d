package dev.unitcost.result;

import java.util.List;

/**
 * A candidate run set against a baseline, figure by figure.
 *
 * @param threshold relative change that counts (0.05 = 5%)
 * @param alpha significance level of the t-test
 * @param metrics every figure compared
 * @param notes what was not compared, and why; how the baseline was made; how the runs differ
 * @param historyRuns how many runs the confirm step judged regressions against; null when it did not run
 */
public record Comparison(String baselineRunId, String candidateRunId, double threshold, double alpha, List<MetricComparison> metrics,
        List<String> notes, Integer historyRuns) {

    public Comparison {
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    /** A comparison without a confirm step. */
    public Comparison(String baselineRunId, String candidateRunId, double threshold, double alpha, List<MetricComparison> metrics,
            List<String> notes) {
        this(baselineRunId, candidateRunId, threshold, alpha, metrics, notes, null);
    }

    /** A figure regressed (and, when the confirm step ran, it confirmed the regression). */
    public boolean regressed() {
        return count(MetricComparison.Verdict.REGRESSED) > 0;
    }

    /** No figure regressed, but the confirm step could neither confirm nor reject a figure worse than the threshold. */
    public boolean inconclusive() {
        return !regressed() && count(MetricComparison.Verdict.INCONCLUSIVE) > 0;
    }

    /** How many figures have this verdict. */
    public long count(MetricComparison.Verdict verdict) {
        return metrics.stream().filter(m -> m.verdict() == verdict).count();
    }
}
