package dev.unitcost.cost;

import dev.unitcost.result.GenerationCostSection;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.RunReport;
import dev.unitcost.workload.GenerationWorkload;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prices a generation run on one device of a hardware profile: input tokens on prefill
 * throughput, output tokens on decode throughput ({@link TokenCosts}), blended at each point's own
 * input:output mix and at 3:1, and every chat model on the rate cards priced for the same mix
 * against the cheapest point ({@link ApiComparison}).
 */
public final class GenerationRunPricing {

    private GenerationRunPricing() {}

    public static GenerationCostSection price(RunReport report, HardwareProfile hardware, List<RateCard> cards, double utilisation) {
        // the run's own energy, when it has a figure, replaces the profile's watts (owned: energy cost; both: carbon)
        HourlyCost hourly = HourlyCost.of(hardware, HourlyCost.RentalPrice.ON_DEMAND, 1, utilisation,
                ReportThroughput.busyPower(report).orElse(null));
        List<GenerationCostSection.PointCost> points = new ArrayList<>();
        List<MeasuredThroughput> throughputs = new ArrayList<>();
        List<GenerationPoint> evaluated = new ArrayList<>();
        for (GenerationPoint p : report.generationPoints()) {
            if (!p.ok()) {
                continue;
            }
            MeasuredThroughput t = throughput(report, p);
            double mix = GenerationWorkload.inputPerOutput(p.inputLength(), p.outputLength());
            TokenPrices prices = TokenCosts.price(hourly, t, mix, utilisation);
            points.add(new GenerationCostSection.PointCost(p.batchSize(), p.inputLength(), p.outputLength(), mix,
                    stored(prices.usdPerMillionInput()), prices.usdPerMillionOutput().map(GenerationRunPricing::stored).orElse(null),
                    stored(prices.usdPerMillionBlended()), stored(prices.usdPerMillionBlended3to1())));
            throughputs.add(t);
            evaluated.add(p);
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the run has no successful point to price");
        }
        int best = evaluated.indexOf(bestPoint(report));
        GenerationCostSection.PointCost bestPoint = points.get(best);
        List<GenerationCostSection.ApiComparison> apis = new ArrayList<>();
        if (bestPoint.usdPerMillionOutput() != null) {
            for (RateCards.Entry e : new RateCards(cards).entries()) {
                if (!"chat".equals(e.price().mode())) {
                    continue;
                }
                ApiComparison c = ApiComparison.compare(hourly, throughputs.get(best), e, bestPoint.inputPerOutput(), utilisation);
                BigDecimal ratio = c.selfOverApi().map(r -> BigDecimal.ONE.divide(r, new MathContext(4, RoundingMode.HALF_EVEN)))
                        .orElse(null);
                apis.add(new GenerationCostSection.ApiComparison(e.card().provider(), e.price().model(), e.card().asOf(),
                        e.price().input(), e.price().output(), stored(c.apiUsdPerMillionBlended()), ratio,
                        c.breakEvenTokensPerMonth().map(v -> v.setScale(0, RoundingMode.HALF_EVEN)).orElse(null),
                        c.breakEvenUtilisation().isPresent() ? c.breakEvenUtilisation().getAsDouble() : null));
            }
            apis.sort(Comparator.comparing(GenerationCostSection.ApiComparison::apiUsdPerMillionBlended));
        }
        return new GenerationCostSection(hardware.name(), hardware.asOf(), hardware.source(), Money.perHour(hourly.usdPerHour()),
                hourly.basis(), utilisation, ROUNDING, points, best, apis);
    }

    /** Prices are stored to 6 significant digits (sub-cent GPU prices keep their precision); views round further. */
    public static final String ROUNDING = "USD per 1M tokens: 6 significant digits, HALF_EVEN; USD per hour: 4 decimals, HALF_EVEN";

    private static BigDecimal stored(BigDecimal usd) {
        return usd.round(new MathContext(6, RoundingMode.HALF_EVEN));
    }

    /**
     * The point that serves a 3:1 input:output mix in the fewest busy seconds per token,
     * {@code 3 / prefill tok/s + 1 / decode tok/s}: the cheapest on any hourly price, judged at one
     * common mix (each point's own mix would favour input-heavy points) and on unrounded medians.
     * Points that decoded nothing are chosen only when no point decoded; null when none succeeded.
     * {@code run}, {@code cost --run} and {@code reprice} all price against this point.
     */
    public static GenerationPoint bestPoint(RunReport report) {
        boolean anyDecoded = report.generationPoints().stream().anyMatch(p -> p.ok() && p.decodeTokensPerSecond() != null);
        GenerationPoint best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (GenerationPoint p : report.generationPoints()) {
            if (!p.ok() || (anyDecoded && p.decodeTokensPerSecond() == null)) {
                continue;
            }
            double seconds = TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT / p.prefillTokensPerSecond().median()
                    + (p.decodeTokensPerSecond() == null ? 0 : 1 / p.decodeTokensPerSecond().median());
            if (seconds < bestSeconds) {
                bestSeconds = seconds;
                best = p;
            }
        }
        return best;
    }

    /** A point's median prefill and decode throughput. */
    static MeasuredThroughput throughput(RunReport report, GenerationPoint p) {
        String label = String.format(Locale.ROOT, "report %s, batch %d, %d in / %d out: medians of %d repetitions", report.runId(),
                p.batchSize(), p.inputLength(), p.outputLength(), p.repetitions().size());
        double prefill = p.prefillTokensPerSecond().median();
        return p.decodeTokensPerSecond() == null
                ? MeasuredThroughput.inputOnly(prefill, label)
                : MeasuredThroughput.of(prefill, p.decodeTokensPerSecond().median(), label);
    }
}
