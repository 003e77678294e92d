package dev.unitcost.compare;

import dev.unitcost.metrics.Spread;
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
 */
public final class ReportComparison {

    private final double threshold;
    private final double alpha;
    private final List<MetricComparison> metrics = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

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
        if (!baseline.result().kind().equals(candidate.result().kind())) {
            throw new IllegalArgumentException("baseline is a " + baseline.result().kind() + " run, candidate a "
                    + candidate.result().kind() + " run");
        }
        ReportComparison c = new ReportComparison(threshold, alpha);
        String baseModel = baseline.header().model().name();
        String candModel = candidate.header().model().name();
        if (!Objects.equals(baseModel, candModel)) {
            c.notes.add("different models: " + baseModel + " vs " + candModel);
        }
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
        });
        c.energy(baseline, candidate);
        if (c.metrics.isEmpty()) {
            c.notes.add("no sweep point is in both reports: nothing compared");
        }
        return new Comparison(baseline.runId(), candidate.runId(), threshold, alpha, c.metrics, c.notes);
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
            Double p = repeated(point, "tokensPerSecond", true, b.repetitions(), c.repetitions(), RepetitionResult::tokensPerSecond);
            // a tail percentile can move while the median holds: judged by the threshold alone
            single(point, "batchLatencyP99Nanos", false, b.batchLatency().p99Nanos(), c.batchLatency().p99Nanos(), null);
            price(point, "usdPerMillionTokens", baseCost, candCost, b.batchSize(), b.sequenceLength(), null, p);
        }
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
            Double prefillP = repeated(point, "prefillTokensPerSecond", true, b.repetitions(), c.repetitions(),
                    GenerationRepetition::prefillTokensPerSecond);
            Double decodeP = null;
            if (b.decodeTokensPerSecond() != null && c.decodeTokensPerSecond() != null) {
                decodeP = repeated(point, "decodeTokensPerSecond", true, b.repetitions(), c.repetitions(),
                        GenerationRepetition::decodeTokensPerSecond);
                single(point, "tpotP50Nanos", false, b.latencies().tpot().p50Nanos(), c.latencies().tpot().p50Nanos(), decodeP);
            }
            single(point, "ttftP50Nanos", false, b.latencies().ttft().p50Nanos(), c.latencies().ttft().p50Nanos(), prefillP);
            // the blended price moves with both throughputs: it is as certain as the less certain of them
            Double priceP = prefillP == null || decodeP == null ? (prefillP == null ? decodeP : prefillP) : Math.max(prefillP, decodeP);
            price(point, "usdPerMillionBlended", baseCost, candCost, b.batchSize(), b.inputLength(), b.outputLength(), priceP);
        }
    }

    /** The blended price of one point in both sheets, when both priced it; {@code baseCost} null when prices are not compared. */
    private void price(String point, String metric, PriceSheet baseCost, PriceSheet candCost, int batch, int in, Integer out,
            Double sourceP) {
        if (baseCost == null) {
            return;
        }
        var bc = baseCost.points().stream().filter(x -> same(x, batch, in, out)).findFirst();
        var cc = candCost.points().stream().filter(x -> same(x, batch, in, out)).findFirst();
        if (bc.isPresent() && cc.isPresent()) {
            single(point, metric, false, bc.get().usdPerMillionBlended().doubleValue(), cc.get().usdPerMillionBlended().doubleValue(),
                    sourceP);
        }
    }

    private static boolean same(PriceSheet.PointPrice p, int batch, int in, Integer out) {
        return p.batchSize() == batch && p.inputLength() == in && Objects.equals(p.outputLength(), out);
    }

    /** Prices compare only when the hourly cost behind them is the same: same profile, same date, same price, same duty cycle. */
    private boolean samePricing(PriceSheet base, PriceSheet cand) {
        if (base == null || cand == null) {
            notes.add("costs not compared: a report is not priced");
            return false;
        }
        String baseProfile = base.hardware().name();
        String candProfile = cand.hardware().name();
        var baseAsOf = base.hardware().asOf();
        var candAsOf = cand.hardware().asOf();
        var baseUsdPerHour = base.usdPerHour();
        var candUsdPerHour = cand.usdPerHour();
        double baseUtilisation = base.utilisation();
        double candUtilisation = cand.utilisation();
        if (!baseProfile.equals(candProfile) || !baseAsOf.equals(candAsOf) || baseUsdPerHour.compareTo(candUsdPerHour) != 0
                || baseUtilisation != candUtilisation) {
            notes.add(String.format(Locale.ROOT, "costs not compared: priced at %s (asOf %s) USD %s/h, utilisation %s, and %s (asOf %s) "
                    + "USD %s/h, utilisation %s; reprice one to compare", baseProfile, baseAsOf, baseUsdPerHour.toPlainString(),
                    baseUtilisation, candProfile, candAsOf, candUsdPerHour.toPlainString(), candUtilisation));
            return false;
        }
        return true;
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
        // one figure per run, no repetitions to test: the threshold alone decides
        single("run (" + b.method().toString().toLowerCase(Locale.ROOT) + ")", "joulesPerToken", false,
                b.joulesPerToken().getAsDouble(), c.joulesPerToken().getAsDouble(), null);
    }

    private static java.util.Set<String> pointKeys(RunReport r) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        keys.addAll(keysOf(r));
        return keys;
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
        });
    }

    /** Compares a figure measured in every repetition; returns its p-value (null when untestable). */
    private <R> Double repeated(String point, String metric, boolean higherIsBetter, List<R> base, List<R> cand,
            Function<R, Double> value) {
        List<Double> b = base.stream().map(value).filter(Objects::nonNull).toList();
        List<Double> c = cand.stream().map(value).filter(Objects::nonNull).toList();
        if (b.isEmpty() || c.isEmpty()) {
            return null;
        }
        Double p = null;
        if (b.size() >= 2 && c.size() >= 2) {
            double[] bv = b.stream().mapToDouble(Double::doubleValue).toArray();
            double[] cv = c.stream().mapToDouble(Double::doubleValue).toArray();
            p = pValue(bv, cv);
        }
        add(point, metric, higherIsBetter, Spread.of(b).median(), Spread.of(c).median(), p);
        return p;
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
     * A figure with one value per report. When it is derived from a repeated measurement (a price
     * from the throughput median, TPOT from the decode steps), {@code sourceP} carries that
     * measurement's p-value, so noise in the source cannot fail it; null when there is none.
     */
    private void single(String point, String metric, boolean higherIsBetter, double base, double cand, Double sourceP) {
        add(point, metric, higherIsBetter, base, cand, sourceP);
    }

    private void add(String point, String metric, boolean higherIsBetter, double base, double cand, Double p) {
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
    }
}
