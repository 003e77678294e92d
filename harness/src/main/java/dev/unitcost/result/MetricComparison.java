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
 * @param verdict what the change means, given the threshold and the significance level
 */
public record MetricComparison(
        String point, String metric, boolean higherIsBetter, double baseline, double candidate, double changeFraction,
        Double pValue, Verdict verdict) {

    /** How one figure moved. */
    public enum Verdict {
        /** Worse by more than the threshold, and significant where that can be tested. */
        REGRESSED,
        /** Better by more than the threshold, and significant where that can be tested. */
        IMPROVED,
        /** Moved by more than the threshold, but the repetitions do not show it is real. */
        NOT_SIGNIFICANT,
        /** Within the threshold. */
        UNCHANGED
    }
}
