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
        for (GenerationPoint p : report.generationPoints()) {
            if (!p.ok()) {
                continue;
            }
            MeasuredThroughput t = throughput(report, p);
            double mix = GenerationWorkload.inputPerOutput(p.inputLength(), p.outputLength());
            TokenPrices prices = TokenCosts.price(hourly, t, mix, utilisation);
            points.add(new GenerationCostSection.PointCost(p.batchSize(), p.inputLength(), p.outputLength(), mix,
                    Money.perMillion(prices.usdPerMillionInput()), prices.usdPerMillionOutput().map(Money::perMillion).orElse(null),
                    Money.perMillion(prices.usdPerMillionBlended()), Money.perMillion(prices.usdPerMillionBlended3to1())));
            throughputs.add(t);
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the run has no successful point to price");
        }
        int best = cheapest(points);
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
                        e.price().input(), e.price().output(), Money.perMillion(c.apiUsdPerMillionBlended()), ratio,
                        c.breakEvenTokensPerMonth().map(v -> v.setScale(0, RoundingMode.HALF_EVEN)).orElse(null),
                        c.breakEvenUtilisation().isPresent() ? c.breakEvenUtilisation().getAsDouble() : null));
            }
            apis.sort(Comparator.comparing(GenerationCostSection.ApiComparison::apiUsdPerMillionBlended));
        }
        return new GenerationCostSection(hardware.name(), hardware.asOf(), hardware.source(), Money.perHour(hourly.usdPerHour()),
                hourly.basis(), utilisation, Money.RULE, points, best, apis);
    }

    /**
     * The index of the cheapest point by blended price. A point that decoded nothing has no output
     * price, so its "blend" is its input price alone: it is not comparable with points that carry
     * decode cost, and is chosen only when no point decoded anything (otherwise the choice, and
     * whether APIs are compared at all, would depend on timing noise).
     */
    static int cheapest(List<GenerationCostSection.PointCost> points) {
        boolean anyDecoded = points.stream().anyMatch(p -> p.usdPerMillionOutput() != null);
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            GenerationCostSection.PointCost p = points.get(i);
            if (anyDecoded && p.usdPerMillionOutput() == null) {
                continue;
            }
            if (best < 0 || p.usdPerMillionBlended().compareTo(points.get(best).usdPerMillionBlended()) < 0) {
                best = i;
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
