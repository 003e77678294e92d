package dev.unitcost.report;

import dev.unitcost.result.Comparison;
import dev.unitcost.result.MetricComparison;
import java.util.List;
import java.util.Locale;

/** A comparison as a heading, a table, its notes and the verdict line. */
final class ComparisonView {

    private final Comparison r;

    ComparisonView(Comparison r) {
        this.r = r;
    }

    /** The comparison as a document: heading, the figures, notes, and the verdict line. */
    Document document() {
        return new Document().title(heading()).table(table()).lines("note: ", notes()).strong(verdict());
    }

    String heading() {
        return String.format(Locale.ROOT, "baseline %s, candidate %s: threshold %.1f%%, significance %.2f (Welch's t-test over repetitions)",
                r.baselineRunId(), r.candidateRunId(), r.threshold() * 100, r.alpha());
    }

    Table table() {
        Table t = new Table(List.of("point", "figure", "baseline", "candidate", "change", "p", "verdict"),
                List.of(false, false, true, true, true, true, false));
        for (MetricComparison m : r.metrics()) {
            t.row(m.point(), m.metric() + (m.higherIsBetter() ? " (higher is better)" : ""), number(m.baseline()), number(m.candidate()),
                    String.format(Locale.ROOT, "%+.1f%%", m.changeFraction() * 100),
                    m.pValue() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.pValue()),
                    m.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return t;
    }

    List<String> notes() {
        return r.notes();
    }

    String verdict() {
        long regressed = r.metrics().stream().filter(m -> m.verdict() == MetricComparison.Verdict.REGRESSED).count();
        return regressed > 0
                ? String.format(Locale.ROOT, "REGRESSION: %d figure(s) worse by more than %.1f%%", regressed, r.threshold() * 100)
                : "no regression";
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
