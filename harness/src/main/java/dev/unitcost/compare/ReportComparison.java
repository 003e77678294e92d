package dev.unitcost.compare;

import dev.unitcost.metrics.Spread;
import dev.unitcost.result.GenerationPoint;
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

    /**
     * The outcome.
     *
     * @param metrics every figure compared
     * @param notes what was not compared, and why
     */
    public record Result(String baselineRunId, String candidateRunId, double threshold, double alpha, List<MetricComparison> metrics,
            List<String> notes) {

        public Result {
            metrics = List.copyOf(metrics);
            notes = List.copyOf(notes);
        }

        public boolean regressed() {
            return metrics.stream().anyMatch(m -> m.verdict() == MetricComparison.Verdict.REGRESSED);
        }
    }

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
    public static Result compare(RunReport baseline, RunReport candidate, double threshold, double alpha) {
        if (!baseline.task().equals(candidate.task())) {
            throw new IllegalArgumentException("baseline is a " + baseline.task() + " run, candidate a " + candidate.task() + " run");
        }
        ReportComparison c = new ReportComparison(threshold, alpha);
        if (!Objects.equals(baseline.model().name(), candidate.model().name())) {
            c.notes.add("different models: " + baseline.model().name() + " vs " + candidate.model().name());
        }
        if ("embedding".equals(baseline.task())) {
            c.embedding(baseline, candidate);
        } else {
            c.generation(baseline, candidate);
        }
        c.energy(baseline, candidate);
        if (c.metrics.isEmpty()) {
            c.notes.add("no sweep point is in both reports: nothing compared");
        }
        return new Result(baseline.runId(), candidate.runId(), threshold, alpha, c.metrics, c.notes);
    }

    private void embedding(RunReport base, RunReport cand) {
        boolean samePricing = base.cost() != null && cand.cost() != null
                ? samePricing(base.cost().hardwareProfile(), base.cost().hardwareAsOf(), base.cost().usdPerHour(), base.cost().utilisation(),
                        cand.cost().hardwareProfile(), cand.cost().hardwareAsOf(), cand.cost().usdPerHour(), cand.cost().utilisation())
                : unpriced();
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
            if (samePricing) {
                var bc = base.cost().points().stream().filter(x -> x.batchSize() == b.batchSize()).findFirst();
                var cc = cand.cost().points().stream().filter(x -> x.batchSize() == b.batchSize()).findFirst();
                if (bc.isPresent() && cc.isPresent()) {
                    single(point, "usdPerMillionTokens", false, bc.get().usdPerMillionTokens().doubleValue(),
                            cc.get().usdPerMillionTokens().doubleValue(), p);
                }
            }
        }
    }

    private void generation(RunReport base, RunReport cand) {
        var bg = base.generationCost();
        var cg = cand.generationCost();
        boolean samePricing = bg != null && cg != null
                ? samePricing(bg.hardwareProfile(), bg.hardwareAsOf(), bg.usdPerHour(), bg.utilisation(),
                        cg.hardwareProfile(), cg.hardwareAsOf(), cg.usdPerHour(), cg.utilisation())
                : unpriced();
        for (GenerationPoint b : base.generationPoints()) {
            GenerationPoint c = cand.generationPoints().stream().filter(p -> p.batchSize() == b.batchSize()
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
            if (samePricing) {
                var bc = base.generationCost().points().stream().filter(p -> same(p, b)).findFirst();
                var cc = cand.generationCost().points().stream().filter(p -> same(p, b)).findFirst();
                if (bc.isPresent() && cc.isPresent()) {
                    single(point, "usdPerMillionBlended", false, bc.get().usdPerMillionBlended().doubleValue(),
                            cc.get().usdPerMillionBlended().doubleValue(), priceP);
                }
            }
        }
    }

    private static boolean same(dev.unitcost.result.GenerationCostSection.PointCost p, GenerationPoint g) {
        return p.batchSize() == g.batchSize() && p.inputLength() == g.inputLength() && p.outputLength() == g.outputLength();
    }

    private boolean unpriced() {
        notes.add("costs not compared: a report is not priced");
        return false;
    }

    /** Prices compare only when the hourly cost behind them is the same: same profile, same date, same price, same duty cycle. */
    private boolean samePricing(String baseProfile, java.time.LocalDate baseAsOf, java.math.BigDecimal baseUsdPerHour, double baseUtilisation,
            String candProfile, java.time.LocalDate candAsOf, java.math.BigDecimal candUsdPerHour, double candUtilisation) {
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
        var b = base.energy();
        var c = cand.energy();
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
        r.points().forEach(p -> keys.add(p.batchSize() + "x" + p.sequenceLength()));
        r.generationPoints().forEach(p -> keys.add(p.batchSize() + "/" + p.inputLength() + "/" + p.outputLength()));
        return keys;
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
