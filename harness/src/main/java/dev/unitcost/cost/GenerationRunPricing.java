package dev.unitcost.cost;

import dev.unitcost.result.GenerationCostSection;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.RunReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prices a generation run: at each successful sweep point, USD per 1M input tokens on prefill
 * throughput and per 1M output tokens on decode throughput (medians over repetitions), blended at
 * the point's own input:output ratio and at 3:1; then every chat model on the rate cards for the
 * same mix, against the cheapest point, with break-even volume and duty cycle.
 *
 * <p>One device of the profile is priced (the run used one GPU, or the whole of a one-device CPU
 * machine). Rounding: {@link Money#RULE}; ratios to 4 significant digits.
 */
public final class GenerationRunPricing {

    private GenerationRunPricing() {}

    /**
     * @throws IllegalArgumentException when the run has no successful point, or {@code utilisation} is outside (0, 1]
     */
    public static GenerationCostSection price(RunReport report, HardwareProfile hardware, List<RateCard> cards, double utilisation) {
        CostModel.checkUtilisation(utilisation);
        HourlyCost hourly = HourlyCost.of(hardware, HourlyCost.RentalPrice.ON_DEMAND, 1, utilisation, null);
        List<GenerationPoint> ok = report.generationPoints().stream().filter(GenerationPoint::ok).toList();
        if (ok.isEmpty()) {
            throw new IllegalArgumentException("the run has no successful generation point to price");
        }
        List<GenerationCostSection.PointCost> points = new ArrayList<>();
        List<TokenPrices> prices = new ArrayList<>();
        for (GenerationPoint p : ok) {
            TokenPrices t = TokenCosts.price(hourly, throughput(report, p), ratio(p), utilisation);
            prices.add(t);
            points.add(new GenerationCostSection.PointCost(p.batchSize(), p.inputLength(), p.outputLength(), ratio(p),
                    Money.perMillion(t.usdPerMillionInput()), t.usdPerMillionOutput().map(Money::perMillion).orElse(null),
                    Money.perMillion(t.usdPerMillionBlended()), Money.perMillion(t.usdPerMillionBlended3to1())));
        }
        int best = 0;
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).usdPerMillionBlended().compareTo(prices.get(best).usdPerMillionBlended()) < 0) {
                best = i;
            }
        }
        List<GenerationCostSection.ApiComparison> apis = apis(hourly, throughput(report, ok.get(best)), ratio(ok.get(best)),
                cards, utilisation);
        return new GenerationCostSection(hardware.name(), hardware.asOf(), hardware.source(), hourly.usdPerHour(),
                hourly.basis(), utilisation, Money.RULE + "; ratios 4 significant digits", points, best, apis);
    }

    /** A point's medians as a throughput: prefill for input tokens, decode for output tokens (absent if nothing was decoded). */
    public static MeasuredThroughput throughput(RunReport report, GenerationPoint p) {
        String label = String.format(java.util.Locale.ROOT, "report %s (%s), batch %d, %d in / %d out: median of %d repetitions",
                report.runId(), report.model().name(), p.batchSize(), p.inputLength(), p.outputLength(), p.repetitions().size());
        double prefill = p.prefillTokensPerSecond().median();
        return p.decodeTokensPerSecond() == null ? MeasuredThroughput.inputOnly(prefill, label)
                : MeasuredThroughput.of(prefill, p.decodeTokensPerSecond().median(), label);
    }

    private static double ratio(GenerationPoint p) {
        return p.inputLength() / (double) p.outputLength();
    }

    private static List<GenerationCostSection.ApiComparison> apis(HourlyCost hourly, MeasuredThroughput t, double ratio,
            List<RateCard> cards, double utilisation) {
        List<GenerationCostSection.ApiComparison> out = new ArrayList<>();
        for (RateCard card : cards) {
            for (RateCard.ApiPrice price : card.models()) {
                if (!"chat".equals(price.mode()) || price.output() == null) {
                    continue;
                }
                ApiComparison c = ApiComparison.compare(hourly, t, new RateCards.Entry(card, price), ratio, utilisation);
                Optional<BigDecimal> apiOverSelf = c.selfUsdPerMillionBlended().signum() == 0 ? Optional.empty()
                        : Optional.of(c.apiUsdPerMillionBlended().divide(c.selfUsdPerMillionBlended(),
                                new MathContext(4, RoundingMode.HALF_EVEN)));
                out.add(new GenerationCostSection.ApiComparison(card.provider(), price.model(), card.asOf(), price.input(),
                        price.output(), Money.perMillion(c.apiUsdPerMillionBlended()), apiOverSelf.orElse(null),
                        c.breakEvenTokensPerMonth().map(v -> v.setScale(0, Money.ROUNDING)).orElse(null),
                        c.breakEvenUtilisation().isPresent() ? c.breakEvenUtilisation().getAsDouble() : null));
            }
        }
        out.sort(Comparator.comparing(GenerationCostSection.ApiComparison::apiUsdPerMillionBlended));
        return out;
    }
}
