package dev.unitcost.compare;

import dev.unitcost.result.Comparison;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.MetricComparison;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The confirm step's re-measurement: the points that regressed are measured again (alternating with
 * the baseline's configuration when it differs from the candidate's and can run here), the new runs
 * are pooled, and a regression stands only when it shows again. Pure: the measuring is the caller's.
 */
public final class Remeasured {

    private Remeasured() {}

    /**
     * One report of several runs of the same configuration: every point's repetitions from every
     * run, one after another; header, latency and prices from the first run.
     *
     * @throws IllegalArgumentException when the runs are of different kinds
     */
    public static RunReport pool(List<RunReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to pool");
        }
        RunReport first = runs.get(0);
        TaskResult pooled = first.result().match(new TaskResult.Cases<TaskResult>() {
            @Override
            public TaskResult embedding(EmbeddingResult e) {
                List<PointResult> points = new ArrayList<>();
                for (PointResult p : e.points()) {
                    List<dev.unitcost.result.RepetitionResult> reps = new ArrayList<>();
                    for (RunReport r : runs) {
                        for (PointResult q : cast(r, EmbeddingResult.class).points()) {
                            if (q.ok() && q.batchSize() == p.batchSize() && q.sequenceLength() == p.sequenceLength()) {
                                reps.addAll(q.repetitions());
                            }
                        }
                    }
                    points.add(reps.isEmpty() ? p : new PointResult(p.batchSize(), p.sequenceLength(), p.warmupIterations(), reps,
                            p.batchLatency(), "ok", "pooled over " + runs.size() + " runs"));
                }
                return new EmbeddingResult(points);
            }

            @Override
            public TaskResult generation(GenerationResult g) {
                List<GenerationPoint> points = new ArrayList<>();
                for (GenerationPoint p : g.points()) {
                    List<dev.unitcost.result.GenerationRepetition> reps = new ArrayList<>();
                    for (RunReport r : runs) {
                        for (GenerationPoint q : cast(r, GenerationResult.class).points()) {
                            if (q.ok() && q.batchSize() == p.batchSize() && q.inputLength() == p.inputLength()
                                    && q.outputLength() == p.outputLength()) {
                                reps.addAll(q.repetitions());
                            }
                        }
                    }
                    points.add(reps.isEmpty() ? p : new GenerationPoint(p.batchSize(), p.inputLength(), p.outputLength(),
                            p.warmupRepetitions(), reps, p.latencies(), p.decodeMbu(), "ok", "pooled over " + runs.size() + " runs"));
                }
                return new GenerationResult(g.decoder(), points);
            }

            @Override
            public TaskResult endpoint(dev.unitcost.result.EndpointResult e) {
                List<dev.unitcost.result.EndpointPoint> points = new ArrayList<>();
                for (dev.unitcost.result.EndpointPoint p : e.points()) {
                    List<dev.unitcost.load.Tally> reps = new ArrayList<>();
                    for (RunReport r : runs) {
                        for (dev.unitcost.result.EndpointPoint q : cast(r, dev.unitcost.result.EndpointResult.class).points()) {
                            if (q.ok() && q.load().equals(p.load()) && q.level() == p.level()) {
                                reps.addAll(q.repetitions());
                            }
                        }
                    }
                    points.add(reps.isEmpty() ? p : new dev.unitcost.result.EndpointPoint(p.load(), p.level(), p.warmupRequests(),
                            p.warmupFailed(), reps, p.latencies(), p.slo(), "ok", "pooled over " + runs.size() + " runs"));
                }
                return new dev.unitcost.result.EndpointResult(e.endpoint(), e.servedModel(), e.api(), e.local(), e.server(), e.slos(),
                        points);
            }
        });
        return new RunReport(first.schemaVersion(), first.header(), pooled, first.cost());
    }

    private static <T extends TaskResult> T cast(RunReport r, Class<T> kind) {
        if (!kind.isInstance(r.result())) {
            throw new IllegalArgumentException("cannot pool a " + r.result().kind() + " run with " + kind.getSimpleName() + " runs");
        }
        return kind.cast(r.result());
    }

    /**
     * The original comparison judged again by the re-measured one: a figure that regressed (or was
     * inconclusive) stays regressed only when the same figure of the same point regressed again;
     * otherwise it is {@link MetricComparison.Verdict#NOT_REPRODUCED}, with what the re-measurement saw.
     *
     * @param how in words: the rounds and whether the baseline's configuration was measured again
     */
    public static Comparison judge(Comparison original, Comparison again, String how) {
        List<MetricComparison> judged = new ArrayList<>();
        for (MetricComparison m : original.metrics()) {
            boolean worse = m.verdict() == MetricComparison.Verdict.REGRESSED || m.verdict() == MetricComparison.Verdict.INCONCLUSIVE;
            if (!worse) {
                judged.add(m);
                continue;
            }
            MetricComparison re = again.metrics().stream()
                    .filter(a -> a.point().equals(m.point()) && a.metric().equals(m.metric())).findFirst().orElse(null);
            if (re == null) {
                judged.add(m.confirmed(m.verdict(), "not re-measured (" + how + ")"));
                continue;
            }
            String evidence = String.format(Locale.ROOT, "re-measured (%s): %+.1f%%%s", how, re.changeFraction() * 100,
                    re.pValue() == null ? "" : String.format(Locale.ROOT, ", p %.3f", re.pValue()));
            judged.add(re.verdict() == MetricComparison.Verdict.REGRESSED
                    ? m.confirmed(MetricComparison.Verdict.REGRESSED, evidence)
                    : m.confirmed(MetricComparison.Verdict.NOT_REPRODUCED, evidence));
        }
        List<String> notes = new ArrayList<>(original.notes());
        notes.add("regressed points measured again: " + how);
        return new Comparison(original.baselineRunId(), original.candidateRunId(), original.threshold(), original.alpha(), judged, notes,
                original.historyRuns());
    }
}
