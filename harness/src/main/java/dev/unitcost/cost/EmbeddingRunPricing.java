package dev.unitcost.cost;

import dev.unitcost.result.CostSection;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prices an embedding run: USD per 1M tokens at each sweep point on one hardware profile, and
 * each embedding API's price for the same tokens, against the cheapest point.
 *
 * <p>Rounding: USD per 1M tokens HALF_EVEN to 6 decimal places; ratios to 4 significant digits;
 * the hourly cost as computed (DECIMAL64). Embedding APIs bill input tokens only.
 */
public final class EmbeddingRunPricing {

    public static final String ROUNDING = "USD per 1M tokens: HALF_EVEN, 6 decimal places; ratios: 4 significant digits";
    private static final int USD_SCALE = 6;

    private EmbeddingRunPricing() {}

    public static CostSection price(RunReport report, HardwareProfile hardware, List<RateCard> cards, double utilisation) {
        CostModel.checkUtilisation(utilisation);
        // one device of the profile (a CPU instance is one device), as generation runs are priced
        BigDecimal usdPerHour = HourlyCost.of(hardware, HourlyCost.RentalPrice.ON_DEMAND, 1, utilisation, null).usdPerHour()
                .stripTrailingZeros();
        List<CostSection.PointCost> points = new ArrayList<>();
        for (PointResult p : report.points()) {
            if (!p.ok()) {
                continue;
            }
            double tps = p.tokensPerSecond().median();
            BigDecimal usd = CostModel.usdPerMillionTokens(usdPerHour, tps, utilisation).setScale(USD_SCALE, RoundingMode.HALF_EVEN);
            points.add(new CostSection.PointCost(p.batchSize(), tps, usd));
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the run has no successful point to price");
        }
        CostSection.PointCost best = points.stream().min(Comparator.comparing(CostSection.PointCost::usdPerMillionTokens)).orElseThrow();
        List<CostSection.ApiComparison> apis = new ArrayList<>();
        for (RateCard card : cards) {
            for (RateCard.ApiPrice price : card.models()) {
                if (!"embedding".equals(price.mode())) {
                    continue;
                }
                BigDecimal ratio = best.usdPerMillionTokens().signum() == 0 ? null
                        : price.input().divide(best.usdPerMillionTokens(), new MathContext(4, RoundingMode.HALF_EVEN));
                apis.add(new CostSection.ApiComparison(card.provider(), price.model(), card.asOf(), price.input(),
                        best.usdPerMillionTokens(), ratio));
            }
        }
        apis.sort(Comparator.comparing(CostSection.ApiComparison::apiUsdPerMillionTokens));
        return new CostSection(hardware.name(), hardware.asOf(), hardware.source(), usdPerHour, utilisation, ROUNDING,
                points, best.batchSize(), apis);
    }
}
