package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one pricing path for every task kind: each point's throughput on one device of a hardware
 * profile ({@link TokenCosts}), the best point chosen at one common mix, and every API model of the
 * task's mode priced for the same tokens against it ({@link ApiComparison}).
 *
 * <p>Rounding, one rule: USD per 1M tokens to 6 significant digits, ratios to 4, USD per hour to
 * 4 decimals, all HALF_EVEN. Sub-cent prices keep their precision; views round further.
 */
public final class Pricing {

    public static final String ROUNDING = "USD per 1M tokens: 6 significant digits; ratios: 4 significant digits; "
            + "USD per hour: 4 decimals; all HALF_EVEN";

    private static final MathContext STORED = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final MathContext RATIO = new MathContext(4, RoundingMode.HALF_EVEN);

    private Pricing() {}

    /**
     * Prices {@code points}.
     *
     * @param apiMode which rate-card entries compare ({@code embedding} or {@code chat})
     * @param busyPower the run's own draw while busy; empty to use the profile's watts
     * @param choice why this profile (and, when it is another machine's, the devices measured)
     * @throws IllegalArgumentException when there is no point to price
     */
    public static PriceSheet price(List<PricePoint> points, String apiMode, HardwareProfile hardware, List<RateCard> cards,
            double utilisation, Optional<HourlyCost.BusyPower> busyPower, ProfileChoice choice) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the run has no successful point to price");
        }
        HourlyCost hourly = HourlyCost.of(hardware, HourlyCost.RentalPrice.ON_DEMAND, 1, utilisation, busyPower.orElse(null));
        List<PriceSheet.PointPrice> priced = new ArrayList<>();
        for (PricePoint p : points) {
            double mix = p.inputPerOutput().orElse(TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
            TokenPrices prices = TokenCosts.price(hourly, p.throughput(), mix, utilisation);
            priced.add(new PriceSheet.PointPrice(p.batchSize(), p.inputLength(), p.outputLength().orElse(null),
                    p.inputPerOutput().orElse(null), p.throughput().inputTokensPerSecond(),
                    p.throughput().outputTokensPerSecond().isPresent() ? p.throughput().outputTokensPerSecond().getAsDouble() : null,
                    stored(prices.usdPerMillionInput()), prices.usdPerMillionOutput().map(Pricing::stored).orElse(null),
                    stored(prices.usdPerMillionBlended()), stored(prices.usdPerMillionBlended3to1())));
        }
        int best = bestIndex(points);
        PricePoint bestPoint = points.get(best);
        List<PriceSheet.ApiVerdict> apis = new ArrayList<>();
        boolean generates = bestPoint.throughput().outputTokensPerSecond().isPresent();
        if (generates || bestPoint.outputLength().isEmpty()) {
            for (RateCards.Entry e : new RateCards(cards).entries()) {
                if (e.price().mode().equals(apiMode)) {
                    apis.add(verdict(hourly, bestPoint, e, utilisation));
                }
            }
        }
        apis.sort(Comparator.comparing(PriceSheet.ApiVerdict::apiUsdPerMillionBlended));
        return new PriceSheet(hardware, choice, Money.perHour(hourly.usdPerHour()), hourly.basis(), utilisation, ROUNDING, priced,
                best, apis);
    }

    /**
     * The point that serves a 3:1 input:output mix in the fewest busy seconds per token: the cheapest
     * on any hourly price, judged at one common mix (each point's own mix would favour input-heavy
     * points). Points that decoded nothing are chosen only when no point decoded.
     */
    public static int bestIndex(List<PricePoint> points) {
        boolean anyDecoded = points.stream().anyMatch(p -> p.throughput().outputTokensPerSecond().isPresent());
        int best = -1;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            PricePoint p = points.get(i);
            if (anyDecoded && p.throughput().outputTokensPerSecond().isEmpty()) {
                continue;
            }
            double seconds = p.busySecondsAtConventionalMix();
            if (seconds < bestSeconds) {
                bestSeconds = seconds;
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the run has no successful point to price");
        }
        return best;
    }

    private static PriceSheet.ApiVerdict verdict(HourlyCost hourly, PricePoint best, RateCards.Entry e, double utilisation) {
        double mix = best.inputPerOutput().orElse(TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
        ApiComparison c = ApiComparison.compare(hourly, best.throughput(), e, mix, utilisation);
        BigDecimal ratio = c.selfOverApi().filter(r -> r.signum() > 0).map(r -> BigDecimal.ONE.divide(r, RATIO)).orElse(null);
        boolean generates = best.throughput().outputTokensPerSecond().isPresent();
        return new PriceSheet.ApiVerdict(e.card().provider(), e.price().model(), e.card().asOf(), e.price().flag(), e.price().input(),
                generates ? e.price().output() : null, stored(c.apiUsdPerMillionBlended()), stored(c.selfUsdPerMillionBlended()), ratio,
                c.breakEvenTokensPerMonth().map(v -> v.setScale(0, RoundingMode.HALF_EVEN)).orElse(null),
                c.breakEvenUtilisation().isPresent() ? c.breakEvenUtilisation().getAsDouble() : null);
    }

    private static BigDecimal stored(BigDecimal usd) {
        return usd.round(STORED);
    }
}
