package dev.unitcost.result;

/**
 * One figure of one sweep point, baseline against candidate.
 *
 * @param point which point ({@code batch 8}, {@code batch 1, 128 in, 32 out})
 * @param metric the figure, with its unit ({@code decodeTokensPerSecond})
 * @param higherIsBetter whether a larger value is an improvement
 * @param baseline the baseline's value (median of its repetitions where it has several)
 * @param candidate the candidate's value
 * @param changeFraction (candidate − baseline) / baseline
 * @param pValue Welch's t-test over the repetitions, two-sided (for a derived figure, its source's);
 *     null when there is nothing to test
 * @param verdict what the change means, given the threshold, the significance level and the confirm step
 * @param confirmation what the confirm step found for a figure that regressed against the baseline; null when it did not judge it
 */
public record MetricComparison(
        String point, String metric, boolean higherIsBetter, double baseline, double candidate, double changeFraction,
        Double pValue, Verdict verdict, String confirmation) {

    /** A figure the confirm step did not judge. */
    public MetricComparison(String point, String metric, boolean higherIsBetter, double baseline, double candidate, double changeFraction,
            Double pValue, Verdict verdict) {
        this(point, metric, higherIsBetter, baseline, candidate, changeFraction, pValue, verdict, null);
    }

    /** The same figure judged again by the confirm step. */
    public MetricComparison confirmed(Verdict newVerdict, String evidence) {
        return new MetricComparison(point, metric, higherIsBetter, baseline, candidate, changeFraction, pValue, newVerdict, evidence);
    }

    /** How one figure moved. */
    public enum Verdict {
        /** Worse by more than the threshold, significant where that can be tested, and confirmed when the confirm step ran. */
        REGRESSED,
        /** Better by more than the threshold, and significant where that can be tested. */
        IMPROVED,
        /** Moved by more than the threshold, but the repetitions do not show it is real. */
        NOT_SIGNIFICANT,
        /** Within the threshold. */
        UNCHANGED,
        /** Worse than the baseline, but within what the figure's history shows is normal: the confirm step rejected it. */
        WITHIN_HISTORY,
        /** Worse than the baseline and outside the history's range, but the confirm step could not decide (too little history, or no significance). */
        INCONCLUSIVE,
        /** Worse in the runs compared, but not when its points were measured again (re-measured: the drop was this machine's noise). */
        NOT_REPRODUCED
    }
}
