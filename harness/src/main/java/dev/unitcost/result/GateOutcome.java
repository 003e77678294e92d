package dev.unitcost.result;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code unitcost compare} decided about a stored candidate, as the history keeps it: the
 * nightly gate's outcome, so that a trend can show where the gate fired.
 *
 * @param baseline what the candidate was judged against, in words ({@code run d3}, or how a baseline rule resolved)
 * @param verdict what the gate decided
 * @param exitCode the exit code compare returned
 * @param regressedFigures the figures that regressed, one line each ({@code batch 8 tokensPerSecond: 1000 → 800 (-20.0%)}); empty unless it regressed
 * @param historyRuns how many runs the confirm step judged against; null when it did not run
 * @param decidedAt when compare decided
 */
public record GateOutcome(String baseline, Verdict verdict, int exitCode, List<String> regressedFigures, Integer historyRuns,
        Instant decidedAt) {

    public GateOutcome {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidedAt, "decidedAt");
        regressedFigures = List.copyOf(regressedFigures);
        if (verdict == Verdict.REGRESSION && regressedFigures.isEmpty()) {
            throw new IllegalArgumentException("a regression names at least one regressed figure");
        }
    }

    /** The gate's decision. */
    public enum Verdict {
        /** A figure regressed (confirmed by the history when the confirm step ran): the gate fired. */
        REGRESSION,
        /** No figure regressed. */
        NO_REGRESSION,
        /** No figure regressed, but the confirm step could not decide about one. */
        INCONCLUSIVE
    }

    /** The outcome of {@code comparison}, which compare answered with {@code exitCode} at {@code decidedAt}. */
    public static GateOutcome of(Comparison comparison, String baseline, int exitCode, Instant decidedAt) {
        Verdict v = comparison.regressed() ? Verdict.REGRESSION : comparison.inconclusive() ? Verdict.INCONCLUSIVE : Verdict.NO_REGRESSION;
        List<String> figures = comparison.metrics().stream().filter(m -> m.verdict() == MetricComparison.Verdict.REGRESSED)
                .map(m -> String.format(Locale.ROOT, "%s %s: %.6g → %.6g (%+.1f%%)", m.point(), m.metric(), m.baseline(), m.candidate(),
                        m.changeFraction() * 100))
                .toList();
        return new GateOutcome(baseline, v, exitCode, figures, comparison.historyRuns(), decidedAt);
    }

    /** Whether the gate fired: a regression. */
    public boolean fired() {
        return verdict == Verdict.REGRESSION;
    }

    /** The verdict in words: {@code regression confirmed}, {@code regression}, {@code no regression}, {@code inconclusive}. */
    public String verdictText() {
        return switch (verdict) {
            case REGRESSION -> historyRuns == null ? "regression" : "regression confirmed";
            case NO_REGRESSION -> "no regression";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    /** An outcome as recorded for a stored candidate. */
    public record Recorded(String candidateRunId, GateOutcome outcome) {

        public Recorded {
            Objects.requireNonNull(candidateRunId, "candidateRunId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
