package dev.unitcost.result;

import java.util.List;

/**
 * A candidate run set against a baseline, figure by figure.
 *
 * @param threshold relative change that counts (0.05 = 5%)
 * @param alpha significance level of the t-test
 * @param metrics every figure compared
 * @param notes what was not compared, and why
 */
public record Comparison(String baselineRunId, String candidateRunId, double threshold, double alpha, List<MetricComparison> metrics,
        List<String> notes) {

    public Comparison {
        metrics = List.copyOf(metrics);
        notes = List.copyOf(notes);
    }

    public boolean regressed() {
        return metrics.stream().anyMatch(m -> m.verdict() == MetricComparison.Verdict.REGRESSED);
    }
}
