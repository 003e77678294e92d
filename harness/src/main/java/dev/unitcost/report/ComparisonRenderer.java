package dev.unitcost.report;

import dev.unitcost.compare.MetricComparison;
import dev.unitcost.compare.ReportComparison;
import java.util.List;
import java.util.Locale;

/** A comparison as a text table with its notes and the verdict line. */
public final class ComparisonRenderer {

    private ComparisonRenderer() {}

    public static String render(ReportComparison.Result r) {
        Table t = new Table(List.of("point", "figure", "baseline", "candidate", "change", "p", "verdict"),
                List.of(false, false, true, true, true, true, false));
        for (MetricComparison m : r.metrics()) {
            t.row(m.point(), m.metric() + (m.higherIsBetter() ? " (higher is better)" : ""), number(m.baseline()), number(m.candidate()),
                    String.format(Locale.ROOT, "%+.1f%%", m.changeFraction() * 100),
                    m.pValue() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.pValue()),
                    m.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "baseline %s, candidate %s: threshold %.1f%%, significance %.2f (Welch's t-test over repetitions)%n%n",
                r.baselineRunId(), r.candidateRunId(), r.threshold() * 100, r.alpha()));
        out.append(t.text());
        r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
        long regressed = r.metrics().stream().filter(m -> m.verdict() == MetricComparison.Verdict.REGRESSED).count();
        out.append('\n').append(regressed > 0
                ? String.format(Locale.ROOT, "REGRESSION: %d figure(s) worse by more than %.1f%%%n", regressed, r.threshold() * 100)
                : "no regression\n");
        return out.toString();
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
