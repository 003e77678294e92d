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
        return new Document().title(heading()).table(table()).lines("confirm: ", confirmations()).lines("note: ", notes())
                .strong(verdict());
    }

    String heading() {
        return String.format(Locale.ROOT, "baseline %s, candidate %s: threshold %.1f%%, significance %.2f (Welch's t-test over repetitions)",
                r.baselineRunId(), r.candidateRunId(), r.threshold() * 100, r.alpha())
                + (r.historyRuns() == null ? "" : String.format(Locale.ROOT, "; regressions confirmed against a history of %d runs",
                        r.historyRuns()));
    }

    /** What the confirm step found, one line per figure it judged. */
    List<String> confirmations() {
        return r.metrics().stream().filter(m -> m.confirmation() != null)
                .map(m -> m.point() + " " + m.metric() + ": " + m.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ("
                        + m.confirmation() + ")")
                .toList();
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
        long regressed = r.count(MetricComparison.Verdict.REGRESSED);
        long inconclusive = r.count(MetricComparison.Verdict.INCONCLUSIVE);
        long rejected = r.count(MetricComparison.Verdict.WITHIN_HISTORY);
        String confirmed = r.historyRuns() == null ? "" : " (confirmed by the history)";
        if (regressed > 0) {
            return String.format(Locale.ROOT, "REGRESSION: %d figure(s) worse by more than %.1f%%%s", regressed, r.threshold() * 100, confirmed);
        }
        if (inconclusive > 0) {
            return String.format(Locale.ROOT, "INCONCLUSIVE: %d figure(s) worse by more than %.1f%% that the history neither confirms nor rejects",
                    inconclusive, r.threshold() * 100);
        }
        return rejected > 0 ? String.format(Locale.ROOT, "no regression: %d figure(s) worse than the baseline are within the history's range",
                rejected) : "no regression";
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
