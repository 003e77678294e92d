package dev.unitcost.compare;

import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RepetitionResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.TaskResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A baseline named by rule and resolved from prior runs with the candidate's {@link RunFingerprint}
 * that started before it:
 *
 * <ul>
 *   <li>{@code last}: the latest such run, as it is.
 *   <li>{@code median:N}: a synthetic run made of the latest N. Each sweep point's repetitions are
 *       the N runs' median repetitions, one per run: the repetition at the median of that run's
 *       central figure (tokens/s for embeddings, decode tokens/s for generation, prefill tokens/s
 *       when nothing is decoded). So the baseline's figure is the median of the runs' medians, and
 *       the t-test sees the spread between runs, which is the noise a nightly gate has to tolerate,
 *       rather than the N runs' repetitions pooled, whose spread within runs would make it
 *       overconfident. Its latency figures come from the run whose median repetition is the median
 *       one. A point that is not ok in every run is not ok in the synthetic run. It has no price
 *       sheet and no energy figure (one run's, against another run's throughput, would mislead),
 *       so prices and energy are not compared against it.
 * </ul>
 *
 * <p>Fewer prior runs than asked is an error, not a smaller baseline.
 */
public final class Baselines {

    private static final Pattern MEDIAN = Pattern.compile("median:(\\d{1,4})");

    private Baselines() {}

    /**
     * A resolved baseline.
     *
     * @param report the run to compare against (synthetic for {@code median:N})
     * @param runIds the stored runs it was made from, oldest first
     * @param description what it is, in words, for the comparison's notes
     */
    public record Baseline(RunReport report, List<String> runIds, String description) {

        public Baseline {
            runIds = List.copyOf(runIds);
        }
    }

    /** Whether {@code spec} names a baseline by rule rather than by file or run id. */
    public static boolean isRule(String spec) {
        return "last".equals(spec) || spec.startsWith("median:");
    }

    /**
     * @throws IllegalArgumentException for a malformed rule, or fewer prior runs than it needs
     */
    public static Baseline resolve(String spec, RunReport candidate, BaselineSource source) {
        int n;
        if ("last".equals(spec)) {
            n = 1;
        } else {
            Matcher m = MEDIAN.matcher(spec);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
                throw new IllegalArgumentException("baseline " + spec + ": expected a file, a run id, last, or median:N with N >= 1");
            }
            n = Integer.parseInt(m.group(1));
        }
        RunFingerprint fp = RunFingerprint.of(candidate);
        List<RunReport> runs = source.lastN(fp, candidate.header().startedAt(), n).stream()
                .filter(r -> !r.runId().equals(candidate.runId())).toList();
        if (runs.size() < n) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "baseline %s: %d earlier run(s) of %s with %s on %s, workload %s, model sha256 %s; %d needed", spec, runs.size(),
                    fp.task(), fp.engine(), fp.devices().describe(), fp.workload(), fp.modelSha256(), n));
        }
        List<String> ids = runs.stream().map(RunReport::runId).toList();
        if ("last".equals(spec)) {
            return new Baseline(runs.get(0), ids, "baseline: the last earlier run with the candidate's fingerprint, " + ids.get(0));
        }
        return new Baseline(median(runs), ids, "baseline: median of " + n + " earlier runs (" + String.join(", ", ids)
                + "), each point's repetitions the runs' median repetitions");
    }

    /** The synthetic median run of {@code runs} (oldest first); its header is the latest run's, unpriced and without energy. */
    static RunReport median(List<RunReport> runs) {
        RunReport latest = runs.get(runs.size() - 1);
        TaskResult result = latest.result().match(new TaskResult.Cases<TaskResult>() {
            @Override
            public TaskResult embedding(EmbeddingResult e) {
                return new EmbeddingResult(e.points().stream().map(p -> medianPoint(p, runs)).toList());
            }

            @Override
            public TaskResult generation(GenerationResult g) {
                return new GenerationResult(g.decoder(), g.points().stream().map(p -> medianPoint(p, runs)).toList());
            }

            @Override
            public TaskResult endpoint(dev.unitcost.result.EndpointResult e) {
                return new dev.unitcost.result.EndpointResult(e.endpoint(), e.servedModel(), e.api(), e.local(), e.server(), e.slos(),
                        e.points().stream().map(p -> medianPoint(p, runs)).toList());
            }
        });
        String id = "median:" + runs.size() + "(" + runs.get(0).runId() + ".." + latest.runId() + ")";
        return new RunReport(latest.schemaVersion(), latest.header().withRunId(id).withEnergy(null), result, null);
    }

    private static PointResult medianPoint(PointResult p, List<RunReport> runs) {
        List<PointResult> each = new ArrayList<>();
        for (RunReport r : runs) {
            Optional<PointResult> q = Figure.embeddingPoint(r, p.batchSize(), p.sequenceLength());
            if (q.isEmpty() || q.get().repetitions().isEmpty()) {
                return new PointResult(p.batchSize(), p.sequenceLength(), p.warmupIterations(), List.of(), null, NOT_IN_EVERY_RUN);
            }
            each.add(q.get());
        }
        List<RepetitionResult> reps = each.stream().map(q -> medianOf(q.repetitions(), RepetitionResult::tokensPerSecond)).toList();
        PointResult middle = each.get(reps.indexOf(medianOf(reps, RepetitionResult::tokensPerSecond)));
        return new PointResult(p.batchSize(), p.sequenceLength(), p.warmupIterations(), reps, middle.batchLatency(), "ok");
    }

    private static GenerationPoint medianPoint(GenerationPoint p, List<RunReport> runs) {
        List<GenerationPoint> each = new ArrayList<>();
        for (RunReport r : runs) {
            Optional<GenerationPoint> q = Figure.generationPoint(r, p.batchSize(), p.inputLength(), p.outputLength());
            if (q.isEmpty() || q.get().repetitions().isEmpty()) {
                return new GenerationPoint(p.batchSize(), p.inputLength(), p.outputLength(), p.warmupRepetitions(), List.of(), null, null,
                        NOT_IN_EVERY_RUN);
            }
            each.add(q.get());
        }
        ToDoubleFunction<GenerationRepetition> central = g -> g.decodeTokensPerSecond() != null ? g.decodeTokensPerSecond()
                : g.prefillTokensPerSecond();
        List<GenerationRepetition> reps = each.stream().map(q -> medianOf(q.repetitions(), central)).toList();
        GenerationPoint middle = each.get(reps.indexOf(medianOf(reps, central)));
        return new GenerationPoint(p.batchSize(), p.inputLength(), p.outputLength(), p.warmupRepetitions(), reps, middle.latencies(),
                middle.decodeMbu(), "ok");
    }

    /** Each run's median repetition by output tokens/s, with the latencies of the run whose repetition is the middle one. */
    private static dev.unitcost.result.EndpointPoint medianPoint(dev.unitcost.result.EndpointPoint p, List<RunReport> runs) {
        List<dev.unitcost.result.EndpointPoint> each = new ArrayList<>();
        for (RunReport r : runs) {
            Optional<dev.unitcost.result.EndpointPoint> q = Figure.endpointPoint(r, p.load(), p.level());
            if (q.isEmpty() || q.get().repetitions().isEmpty()) {
                return new dev.unitcost.result.EndpointPoint(p.load(), p.level(), p.warmupRequests(), p.warmupFailed(), List.of(), null,
                        List.of(), NOT_IN_EVERY_RUN, null);
            }
            each.add(q.get());
        }
        ToDoubleFunction<dev.unitcost.load.Tally> central = dev.unitcost.load.Tally::outputTokensPerSecond;
        List<dev.unitcost.load.Tally> reps = each.stream().map(q -> medianOf(q.repetitions(), central)).toList();
        dev.unitcost.result.EndpointPoint middle = each.get(reps.indexOf(medianOf(reps, central)));
        return new dev.unitcost.result.EndpointPoint(p.load(), p.level(), p.warmupRequests(), middle.warmupFailed(), reps,
                middle.latencies(), middle.slo(), "ok", null);
    }

    private static final String NOT_IN_EVERY_RUN = "failed: not ok in every baseline run";

    /** The element at the median of {@code figure}: the lower middle one for an even count, so it is always a real repetition. */
    static <T> T medianOf(List<T> items, ToDoubleFunction<T> figure) {
        List<T> sorted = items.stream().sorted(Comparator.comparingDouble(figure)).collect(Collectors.toList());
        return sorted.get((sorted.size() - 1) / 2);
    }
}
