package dev.unitcost.compare;

import dev.unitcost.result.MetricComparison;
import dev.unitcost.result.MetricComparison.Verdict;
import dev.unitcost.result.RunReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The confirm step: a figure that regressed against one baseline is judged again against the
 * figure's history, because on a shared machine one baseline run can be lucky and a plain t-test
 * between two runs then cries wolf (run-to-run drift is larger than the spread within a run, which
 * is all the test sees).
 *
 * <p>The rule, for a figure the comparison found {@code REGRESSED} (worse than the baseline by more
 * than the threshold and significant):
 *
 * <ol>
 *   <li>The history is the figure's value in each history run that has it (for a figure measured in
 *       every repetition, the run's median). With fewer than {@value #MIN_HISTORY_RUNS} such runs the
 *       verdict is {@code INCONCLUSIVE}.
 *   <li>The normal range is what the history shows: for a higher-is-better figure, anything at or
 *       above {@code min × (1 − threshold)}; for a lower-is-better one, at or below
 *       {@code max × (1 + threshold)}. A candidate within it is {@code WITHIN_HISTORY}: the
 *       regression is rejected.
 *   <li>Outside it, a figure with one value per run (a latency percentile, a price, joules per
 *       token) is confirmed: {@code REGRESSED}. A repeated figure is confirmed only when a one-sided
 *       Welch's t-test of the candidate's repetitions against the history's repetitions, pooled,
 *       finds the candidate worse at {@code alpha}; otherwise it is {@code INCONCLUSIVE}.
 * </ol>
 *
 * <p>So a regression is confirmed only when it is worse than the baseline, worse than every run of
 * the history by more than the threshold, and (where there are repetitions) significantly worse than
 * the history's repetitions. Pooling repetitions across runs understates run-to-run spread, which
 * is why the range test comes first and both must hold. The step only ever turns a regression
 * into another verdict, never the reverse. It does not re-measure: re-running points interleaved
 * with the baseline needs the run machinery and is not done here.
 */
final class Confirmation {

    /** Fewer history runs than this cannot say what is normal. */
    static final int MIN_HISTORY_RUNS = 3;

    private final double threshold;
    private final double alpha;
    private final List<RunReport> history;

    Confirmation(double threshold, double alpha, List<RunReport> history) {
        this.threshold = threshold;
        this.alpha = alpha;
        this.history = List.copyOf(history);
    }

    /** The figure judged again; a figure that did not regress is returned as it is. */
    MetricComparison judge(MetricComparison m, Figure figure, RunReport candidate) {
        if (m.verdict() != Verdict.REGRESSED) {
            return m;
        }
        List<Double> values = new ArrayList<>();
        for (RunReport r : history) {
            OptionalDouble v = figure.value().apply(r);
            if (v.isPresent()) {
                values.add(v.getAsDouble());
            }
        }
        if (values.size() < MIN_HISTORY_RUNS) {
            return m.confirmed(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "history has %d run(s) with this figure, %d needed",
                    values.size(), MIN_HISTORY_RUNS));
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double bound = m.higherIsBetter() ? min * (1 - threshold) : max * (1 + threshold);
        boolean outside = m.higherIsBetter() ? m.candidate() < bound : m.candidate() > bound;
        String range = String.format(Locale.ROOT, "history of %d runs %s to %s, normal %s %s", values.size(), number(min), number(max),
                m.higherIsBetter() ? "down to" : "up to", number(bound));
        if (!outside) {
            return m.confirmed(Verdict.WITHIN_HISTORY, range + ": candidate within it");
        }
        if (!figure.isRepeated()) {
            return m.confirmed(Verdict.REGRESSED, range + ": candidate outside it");
        }
        double[] cand = figure.repetitions().apply(candidate);
        double[] pooled = history.stream().flatMapToDouble(r -> DoubleStream.of(figure.repetitions().apply(r))).toArray();
        if (cand.length < 2 || pooled.length < 2) {
            return m.confirmed(Verdict.INCONCLUSIVE, range + ": candidate outside it, too few repetitions to test");
        }
        double p = oneSidedWorse(cand, pooled, m.higherIsBetter());
        String test = String.format(Locale.ROOT, "%s: candidate outside it; one-sided p = %.4f against %d pooled repetitions", range, p,
                pooled.length);
        return m.confirmed(p < alpha ? Verdict.REGRESSED : Verdict.INCONCLUSIVE, test);
    }

    /** Welch's one-sided p that the candidate's mean is worse than the history's; flat samples are certain either way. */
    static double oneSidedWorse(double[] candidate, double[] history, boolean higherIsBetter) {
        double cm = Arrays.stream(candidate).average().orElseThrow();
        double hm = Arrays.stream(history).average().orElseThrow();
        boolean worse = higherIsBetter ? cm < hm : cm > hm;
        boolean flatC = Arrays.stream(candidate).allMatch(v -> v == candidate[0]);
        boolean flatH = Arrays.stream(history).allMatch(v -> v == history[0]);
        if (flatC && flatH) {
            return worse ? 0.0 : 1.0;
        }
        double twoSided = new TTest().tTest(candidate, history);
        return worse ? twoSided / 2 : 1 - twoSided / 2;
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
