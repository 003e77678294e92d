package dev.unitcost.compare;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.MetricComparison;
import dev.unitcost.result.TaskResult;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RepetitionResult;
import dev.unitcost.result.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares a candidate report with a baseline, point by matching point: throughput per
 * repetition (Welch's t-test), latency percentiles, USD per 1M tokens and joules per token. A
 * figure regresses when it is worse by more than the threshold and, where both sides have
 * repetitions, the difference is significant at {@code alpha}. Figures derived from a repeated
 * measurement (latency percentiles, prices) take that measurement's p-value; joules per token,
 * one figure per run, is judged by the threshold alone.
 *
 * <p>Costs are compared only when both reports were priced on the same hardware profile, and
 * energy only when both were obtained the same way (measured, integrated or estimated); otherwise a
 * note says why not.
 *
 * <p>Runs that differ materially ({@link RunDifferences}) are refused with an {@link UnlikeRunsException}
 * unless {@link Settings#allowDifferent()}; then every difference is a note. With a history, each
 * regression is judged again by {@link Confirmation} (the confirm step's rule is stated there).
 */
public final class ReportComparison {

    private final double threshold;
    private final double alpha;
    private final List<MetricComparison> metrics = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * How to compare.
     *
     * @param threshold relative change that counts (0.05 = 5%)
     * @param alpha significance level of the t-tests
     * @param allowDifferent compare runs that differ materially, listing the differences, instead of refusing them
     * @param history runs the confirm step judges regressions against; null for no confirm step. The
     *     candidate itself, and runs that differ materially from it, are left out (with a note).
     */
    public record Settings(double threshold, double alpha, boolean allowDifferent, List<RunReport> history) {

        public Settings {
            history = history == null ? null : List.copyOf(history);
        }
    }

    private ReportComparison(double threshold, double alpha) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.threshold = threshold;
        this.alpha = alpha;
    }

    /**
     * @param threshold relative change that counts (0.05 = 5%)
     * @param alpha significance level of the t-test
     * @throws IllegalArgumentException when the reports measured different tasks
     */
    public static Comparison compare(RunReport baseline, RunReport candidate, double threshold, double alpha) {
        return compare(baseline, candidate, new Settings(threshold, alpha, false, null));
    }

    /**
     * @throws UnlikeRunsException when the runs differ materially and the settings do not allow it
     * @throws IllegalArgumentException when the reports measured different tasks, or a setting is out of range
     */
    public static Comparison compare(RunReport baseline, RunReport candidate, Settings settings) {
        if (!baseline.result().kind().equals(candidate.result().kind())) {
            throw new IllegalArgumentException("baseline is a " + baseline.result().kind() + " run, candidate a "
                    + candidate.result().kind() + " run");
        }
        ReportComparison c = new ReportComparison(settings.threshold(), settings.alpha());
        List<RunDifferences.Difference> differences = RunDifferences.between(baseline, candidate);
        if (!settings.allowDifferent() && differences.stream().anyMatch(RunDifferences.Difference::material)) {
            throw new UnlikeRunsException(differences.stream().filter(RunDifferences.Difference::material).toList());
        }
        differences.forEach(d -> c.notes.add("differs: " + d));
        boolean samePricing = c.samePricing(baseline.cost(), candidate.cost());
        PriceSheet baseCost = samePricing ? baseline.cost() : null;
        baseline.result().match(new TaskResult.Cases<Void>() {
            @Override
            public Void embedding(EmbeddingResult e) {
                c.embedding(e, (EmbeddingResult) candidate.result(), baseCost, candidate.cost());
                return null;
            }

            @Override
            public Void generation(GenerationResult g) {
                c.generation(g, (GenerationResult) candidate.result(), baseCost, candidate.cost());
                return null;
            }

            @Override
            public Void endpoint(dev.unitcost.result.EndpointResult e) {
                c.endpoint(e, (dev.unitcost.result.EndpointResult) candidate.result());
                return null;
            }
        });
        c.energy(baseline, candidate);
        if (c.metrics.isEmpty()) {
            c.notes.add("no sweep point is in both reports: nothing compared");
        }
        if (settings.history() == null) {
            return new Comparison(baseline.runId(), candidate.runId(), c.threshold, c.alpha, c.metrics, c.notes);
        }
        List<RunReport> history = c.history(settings.history(), candidate, settings.allowDifferent());
        Confirmation confirm = new Confirmation(c.threshold, c.alpha, history);
        List<MetricComparison> judged = new ArrayList<>();
        for (int i = 0; i < c.metrics.size(); i++) {
            judged.add(confirm.judge(c.metrics.get(i), c.figures.get(i), candidate));
        }
        return new Comparison(baseline.runId(), candidate.runId(), c.threshold, c.alpha, judged, c.notes, history.size());
    }

    /** The history the confirm step may use: not the candidate, and (unless allowed) no run unlike it. */
    private List<RunReport> history(List<RunReport> given, RunReport candidate, boolean allowDifferent) {
        List<RunReport> kept = new ArrayList<>();
        for (RunReport r : given) {
            if (r.runId().equals(candidate.runId())) {
                continue;
            }
            List<RunDifferences.Difference> unlike = RunDifferences.material(r, candidate);
            if (!allowDifferent && !unlike.isEmpty()) {
                notes.add("history run " + r.runId() + " left out: " + unlike.get(0) + (unlike.size() > 1 ? " (and more)" : ""));
                continue;
            }
            kept.add(r);
        }
        return kept;
    }

    /** @param baseCost null when prices are not compared */
    private void embedding(EmbeddingResult base, EmbeddingResult cand, PriceSheet baseCost, PriceSheet candCost) {
        for (PointResult b : base.points()) {
            PointResult c = cand.points().stream().filter(p -> p.batchSize() == b.batchSize() && p.sequenceLength() == b.sequenceLength())
                    .findFirst().orElse(null);
            if (c == null || !b.ok() || !c.ok()) {
                notes.add("batch " + b.batchSize() + ": " + (c == null ? "not in the candidate" : "not ok in one report"));
                continue;
            }
            String point = "batch " + b.batchSize();
            int batch = b.batchSize();
            int seq = b.sequenceLength();
            Figure tps = Figure.repeated(r -> Figure.embeddingPoint(r, batch, seq).map(ReportComparison::tokensPerSecond)
                    .orElse(new double[0]));
            Double p = repeated(point, "tokensPerSecond", true, tokensPerSecond(b), tokensPerSecond(c), tps);
            // a tail percentile can move while the median holds: judged by the threshold alone
            Figure p99 = Figure.single(r -> Figure.embeddingPoint(r, batch, seq)
                    .map(x -> OptionalDouble.of(x.batchLatency().p99Nanos())).orElse(OptionalDouble.empty()));
            add(point, "batchLatencyP99Nanos", false, b.batchLatency().p99Nanos(), c.batchLatency().p99Nanos(), null, p99);
            price(point, "usdPerMillionTokens", baseCost, candCost, batch, seq, null, p);
        }
    }

    private static double[] tokensPerSecond(PointResult p) {
        return p.repetitions().stream().mapToDouble(RepetitionResult::tokensPerSecond).toArray();
    }

    /** @param baseCost null when prices are not compared */
    private void generation(GenerationResult base, GenerationResult cand, PriceSheet baseCost, PriceSheet candCost) {
        for (GenerationPoint b : base.points()) {
            GenerationPoint c = cand.points().stream().filter(p -> p.batchSize() == b.batchSize()
                    && p.inputLength() == b.inputLength() && p.outputLength() == b.outputLength()).findFirst().orElse(null);
            String point = String.format(Locale.ROOT, "batch %d, %d in, %d out", b.batchSize(), b.inputLength(), b.outputLength());
            if (c == null || !b.ok() || !c.ok()) {
                notes.add(point + ": " + (c == null ? "not in the candidate" : "not ok in one report"));
                continue;
            }
            int batch = b.batchSize();
            int in = b.inputLength();
            int out = b.outputLength();
            Figure prefill = repetitions(batch, in, out, GenerationRepetition::prefillTokensPerSecond);
            Double prefillP = repeated(point, "prefillTokensPerSecond", true, values(b, GenerationRepetition::prefillTokensPerSecond),
                    values(c, GenerationRepetition::prefillTokensPerSecond), prefill);
            Double decodeP = null;
            if (b.decodeTokensPerSecond() != null && c.decodeTokensPerSecond() != null) {
                Figure decode = repetitions(batch, in, out, GenerationRepetition::decodeTokensPerSecond);
                decodeP = repeated(point, "decodeTokensPerSecond", true, values(b, GenerationRepetition::decodeTokensPerSecond),
                        values(c, GenerationRepetition::decodeTokensPerSecond), decode);
                Figure tpot = Figure.single(r -> Figure.generationPoint(r, batch, in, out)
                        .map(x -> OptionalDouble.of(x.latencies().tpot().p50Nanos())).orElse(OptionalDouble.empty()));
                add(point, "tpotP50Nanos", false, b.latencies().tpot().p50Nanos(), c.latencies().tpot().p50Nanos(), decodeP, tpot);
            }
            Figure ttft = Figure.single(r -> Figure.generationPoint(r, batch, in, out)
                    .map(x -> OptionalDouble.of(x.latencies().ttft().p50Nanos())).orElse(OptionalDouble.empty()));
            add(point, "ttftP50Nanos", false, b.latencies().ttft().p50Nanos(), c.latencies().ttft().p50Nanos(), prefillP, ttft);
            // the blended price moves with both throughputs: it is as certain as the less certain of them
            Double priceP = prefillP == null || decodeP == null ? (prefillP == null ? decodeP : prefillP) : Math.max(prefillP, decodeP);
            price(point, "usdPerMillionBlended", baseCost, candCost, batch, in, out, priceP);
        }
    }

    /**
     * Endpoint points at the same load: output tokens/s per repetition (Welch's test), goodput, and the
     * TTFT and TPOT medians. Prices are not compared point by point: an endpoint point's price rests on
     * its measured prefill share, which is not a coordinate.
     */
    private void endpoint(dev.unitcost.result.EndpointResult base, dev.unitcost.result.EndpointResult cand) {
        for (dev.unitcost.result.EndpointPoint b : base.points()) {
            dev.unitcost.result.EndpointPoint c = cand.points().stream().filter(p -> p.load().equals(b.load()) && p.level() == b.level())
                    .findFirst().orElse(null);
            String point = b.label();
            if (c == null || !b.ok() || !c.ok()) {
                notes.add(point + ": " + (c == null ? "not in the candidate" : "not ok in one report"));
                continue;
            }
            String load = b.load();
            double level = b.level();
            Function<dev.unitcost.result.EndpointPoint, double[]> output = x -> x.repetitions().stream()
                    .mapToDouble(dev.unitcost.load.Tally::outputTokensPerSecond).toArray();
            Function<dev.unitcost.result.EndpointPoint, double[]> goodput = x -> x.repetitions().stream()
                    .mapToDouble(dev.unitcost.load.Tally::goodputPerSecond).toArray();
            repeated(point, "outputTokensPerSecond", true, output.apply(b), output.apply(c),
                    Figure.repeated(r -> Figure.endpointPoint(r, load, level).map(output).orElse(new double[0])));
            if (!base.slos().isEmpty()) {
                repeated(point, "goodputPerSecond", true, goodput.apply(b), goodput.apply(c),
                        Figure.repeated(r -> Figure.endpointPoint(r, load, level).map(goodput).orElse(new double[0])));
            }
            if (b.latencies() != null && c.latencies() != null) {
                // the pooled percentiles have no per-repetition values; their significance is that of each repetition's
                // mean over its completed requests: TTFT, and E2E less TTFT (the decode time TPOT divides)
                Function<dev.unitcost.result.EndpointPoint, double[]> meanTtft = x -> x.repetitions().stream()
                        .filter(t -> t.completed() > 0).mapToDouble(t -> t.prefillNanos() / (double) t.completed()).toArray();
                Function<dev.unitcost.result.EndpointPoint, double[]> meanDecode = x -> x.repetitions().stream()
                        .filter(t -> t.completed() > 0).mapToDouble(t -> (t.requestNanos() - t.prefillNanos()) / (double) t.completed())
                        .toArray();
                Double ttftP = welch(meanTtft.apply(b), meanTtft.apply(c));
                Double decodeP = welch(meanDecode.apply(b), meanDecode.apply(c));
                Figure ttft = Figure.single(r -> Figure.endpointPoint(r, load, level).filter(x -> x.latencies() != null)
                        .map(x -> OptionalDouble.of(x.latencies().ttft().p50Nanos())).orElse(OptionalDouble.empty()));
                add(point, "ttftP50Nanos", false, b.latencies().ttft().p50Nanos(), c.latencies().ttft().p50Nanos(), ttftP, ttft);
                if (b.latencies().tpot() != null && c.latencies().tpot() != null) {
                    Figure tpot = Figure.single(r -> Figure.endpointPoint(r, load, level)
                            .filter(x -> x.latencies() != null && x.latencies().tpot() != null)
                            .map(x -> OptionalDouble.of(x.latencies().tpot().p50Nanos())).orElse(OptionalDouble.empty()));
                    add(point, "tpotP50Nanos", false, b.latencies().tpot().p50Nanos(), c.latencies().tpot().p50Nanos(), decodeP, tpot);
                }
            }
        }
    }

    /** A repeated generation figure at one point, read from any report. */
    private static Figure repetitions(int batch, int in, int out, Function<GenerationRepetition, Double> value) {
        return Figure.repeated(r -> Figure.generationPoint(r, batch, in, out).map(x -> values(x, value)).orElse(new double[0]));
    }

    private static double[] values(GenerationPoint p, Function<GenerationRepetition, Double> value) {
        return p.repetitions().stream().map(value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    /** The blended price of one point in both sheets, when both priced it; {@code baseCost} null when prices are not compared. */
    private void price(String point, String metric, PriceSheet baseCost, PriceSheet candCost, int batch, int in, Integer out,
            Double sourceP) {
        if (baseCost == null) {
            return;
        }
        var bc = priceOf(baseCost, batch, in, out);
        var cc = priceOf(candCost, batch, in, out);
        if (bc.isPresent() && cc.isPresent()) {
            // a history run's price counts only when it was priced exactly as the candidate was
            Figure f = Figure.single(r -> r.cost() == null || pricingDifference(r.cost(), candCost) != null ? OptionalDouble.empty()
                    : priceOf(r.cost(), batch, in, out));
            add(point, metric, false, bc.getAsDouble(), cc.getAsDouble(), sourceP, f);
        }
    }

    private static OptionalDouble priceOf(PriceSheet sheet, int batch, int in, Integer out) {
        return sheet.points().stream().filter(x -> x.batchSize() == batch && x.inputLength() == in && Objects.equals(x.outputLength(), out))
                .mapToDouble(x -> x.usdPerMillionBlended().doubleValue()).findFirst();
    }

    /** Prices compare only when the hourly cost behind them is the same: same profile, same date, same price, same duty cycle. */
    private boolean samePricing(PriceSheet base, PriceSheet cand) {
        if (base == null || cand == null) {
            notes.add("costs not compared: a report is not priced");
            return false;
        }
        String why = pricingDifference(base, cand);
        if (why != null) {
            notes.add("costs not compared: " + why + "; reprice one to compare");
            return false;
        }
        return true;
    }

    /** Why two sheets' prices do not compare; null when they do. */
    private static String pricingDifference(PriceSheet base, PriceSheet cand) {
        if (!base.hardware().name().equals(cand.hardware().name()) || !base.hardware().asOf().equals(cand.hardware().asOf())
                || base.usdPerHour().compareTo(cand.usdPerHour()) != 0 || base.utilisation() != cand.utilisation()) {
            return String.format(Locale.ROOT, "priced at %s (asOf %s) USD %s/h, utilisation %s, and %s (asOf %s) USD %s/h, utilisation %s",
                    base.hardware().name(), base.hardware().asOf(), base.usdPerHour().toPlainString(), base.utilisation(),
                    cand.hardware().name(), cand.hardware().asOf(), cand.usdPerHour().toPlainString(), cand.utilisation());
        }
        return null;
    }

    private void energy(RunReport base, RunReport cand) {
        var b = base.header().energy();
        var c = cand.header().energy();
        if (b == null || c == null || b.joulesPerToken().isEmpty() || c.joulesPerToken().isEmpty()) {
            notes.add("energy not compared: a report has no joules per token");
            return;
        }
        if (b.method() != c.method()) {
            notes.add("energy not compared: " + b.method() + " vs " + c.method());
            return;
        }
        if (!pointKeys(base).equals(pointKeys(cand))) {
            // joules per token is one figure over the whole sweep: other points, other mix of batch sizes
            notes.add("energy not compared: the reports swept different points");
            return;
        }
        Figure f = Figure.single(r -> {
            var e = r.header().energy();
            return e == null || e.method() != c.method() || !pointKeys(r).equals(pointKeys(cand)) ? OptionalDouble.empty() : e.joulesPerToken();
        });
        // one figure per run, no repetitions to test: the threshold alone decides
        add("run (" + b.method().toString().toLowerCase(Locale.ROOT) + ")", "joulesPerToken", false,
                b.joulesPerToken().getAsDouble(), c.joulesPerToken().getAsDouble(), null, f);
    }

    private static java.util.Set<String> pointKeys(RunReport r) {
        return new java.util.TreeSet<>(keysOf(r));
    }

    /** Every point of a report, ok or not, by its coordinates. */
    private static List<String> keysOf(RunReport r) {
        return r.result().match(new TaskResult.Cases<List<String>>() {
            @Override
            public List<String> embedding(EmbeddingResult e) {
                return e.points().stream().map(p -> p.batchSize() + "x" + p.sequenceLength()).toList();
            }

            @Override
            public List<String> generation(GenerationResult g) {
                return g.points().stream().map(p -> p.batchSize() + "/" + p.inputLength() + "/" + p.outputLength()).toList();
            }

            @Override
            public List<String> endpoint(dev.unitcost.result.EndpointResult e) {
                return e.points().stream().map(dev.unitcost.result.EndpointPoint::label).toList();
            }
        });
    }

    /** Compares a figure measured in every repetition; returns its p-value (null when untestable). */
    private Double repeated(String point, String metric, boolean higherIsBetter, double[] b, double[] c, Figure figure) {
        if (b.length == 0 || c.length == 0) {
            return null;
        }
        Double p = b.length >= 2 && c.length >= 2 ? pValue(b, c) : null;
        add(point, metric, higherIsBetter, Figure.median(b).getAsDouble(), Figure.median(c).getAsDouble(), p, figure);
        return p;
    }

    /** Welch's p of two samples of two or more values each; null otherwise. */
    private static Double welch(double[] b, double[] c) {
        return b.length >= 2 && c.length >= 2 ? pValue(b, c) : null;
    }

    /** Welch's two-sided p; with no spread on either side the means either differ for certain or not at all. */
    static double pValue(double[] a, double[] b) {
        boolean flatA = java.util.Arrays.stream(a).allMatch(v -> v == a[0]);
        boolean flatB = java.util.Arrays.stream(b).allMatch(v -> v == b[0]);
        if (flatA && flatB) {
            return a[0] == b[0] ? 1.0 : 0.0;
        }
        return new TTest().tTest(a, b);
    }

    /**
     * Adds one figure. A figure with one value per report that is derived from a repeated
     * measurement (a price from the throughput median, TPOT from the decode steps) takes that
     * measurement's p-value, so noise in the source cannot fail it; {@code p} null when there is none.
     */
    private void add(String point, String metric, boolean higherIsBetter, double base, double cand, Double p, Figure figure) {
        double change = base == 0 ? 0 : (cand - base) / base;
        boolean worse = higherIsBetter ? change < -threshold : change > threshold;
        boolean better = higherIsBetter ? change > threshold : change < -threshold;
        MetricComparison.Verdict v;
        if (!worse && !better) {
            v = MetricComparison.Verdict.UNCHANGED;
        } else if (p != null && p >= alpha) {
            v = MetricComparison.Verdict.NOT_SIGNIFICANT;
        } else {
            v = worse ? MetricComparison.Verdict.REGRESSED : MetricComparison.Verdict.IMPROVED;
        }
        metrics.add(new MetricComparison(point, metric, higherIsBetter, base, cand, change, p, v));
        figures.add(figure);
    }
}
