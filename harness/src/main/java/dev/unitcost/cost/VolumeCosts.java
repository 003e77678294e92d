package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A priced run's monthly cost as a function of monthly token volume, for a break-even chart:
 * self-hosted as a step function of the devices needed, an API as a straight line. Pure functions
 * of a {@link PriceSheet}; volumes are all tokens of the best point's own mix (as its API verdicts).
 *
 * <p>Devices come from {@link ApiComparison#devicesNeeded} at the sheet's utilisation, each costing
 * {@code usdPerHour × 720} a month whether busy or not.
 */
public final class VolumeCosts {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * Self-hosting at volumes in {@code (fromTokensPerMonth, toTokensPerMonth]}: {@code devices} devices,
     * {@code usdPerMonth} in all.
     */
    public record Step(double fromTokensPerMonth, double toTokensPerMonth, long devices, BigDecimal usdPerMonth) {}

    private VolumeCosts() {}

    /** The best point's throughput, as the sheet priced it. */
    public static MeasuredThroughput bestThroughput(PriceSheet sheet) {
        PriceSheet.PointPrice best = sheet.best();
        return best.outputTokensPerSecond() == null
                ? MeasuredThroughput.inputOnly(best.inputTokensPerSecond(), "best point")
                : MeasuredThroughput.of(best.inputTokensPerSecond(), best.outputTokensPerSecond(), "best point");
    }

    /** Tokens of the mix one device serves in a month at the sheet's utilisation. */
    public static double tokensPerMonthPerDevice(PriceSheet sheet) {
        double perToken = ApiComparison.secondsPerToken(bestThroughput(sheet), mix(sheet));
        return ApiComparison.SECONDS_PER_MONTH * sheet.utilisation() / perToken;
    }

    /** Devices needed for {@code tokensPerMonth} tokens of the mix ({@link ApiComparison#devicesNeeded}). */
    public static long devicesNeeded(PriceSheet sheet, double tokensPerMonth) {
        MeasuredThroughput t = bestThroughput(sheet);
        if (t.outputTokensPerSecond().isEmpty()) {
            return ApiComparison.devicesNeeded(t, tokensPerMonth, 0, sheet.utilisation());
        }
        double r = mix(sheet);
        return ApiComparison.devicesNeeded(t, tokensPerMonth * r / (r + 1), tokensPerMonth / (r + 1), sheet.utilisation());
    }

    /** One device's fixed monthly cost. */
    public static BigDecimal deviceUsdPerMonth(PriceSheet sheet) {
        return sheet.usdPerHour().multiply(ApiComparison.HOURS_PER_MONTH, MC);
    }

    /** Self-hosting from {@code 0} to at least {@code upToTokensPerMonth}: one step per device count. */
    public static List<Step> selfHosted(PriceSheet sheet, double upToTokensPerMonth) {
        if (!(upToTokensPerMonth > 0)) {
            throw new IllegalArgumentException("upToTokensPerMonth must be > 0, got " + upToTokensPerMonth);
        }
        double capacity = tokensPerMonthPerDevice(sheet);
        BigDecimal perDevice = deviceUsdPerMonth(sheet);
        List<Step> steps = new ArrayList<>();
        double from = 0;
        for (long k = 1; from < upToTokensPerMonth; k++) {
            double to = k * capacity;
            long devices = devicesNeeded(sheet, to);
            steps.add(new Step(from, to, devices, perDevice.multiply(BigDecimal.valueOf(devices), MC)));
            from = to;
        }
        return steps;
    }

    /** What {@code api} charges for {@code tokensPerMonth} tokens of the mix. */
    public static BigDecimal apiUsdPerMonth(PriceSheet.ApiVerdict api, double tokensPerMonth) {
        return api.apiUsdPerMillionBlended().multiply(BigDecimal.valueOf(tokensPerMonth), MC).divide(MILLION, MC);
    }

    /** The API with the lowest blended price; empty when the sheet has none. */
    public static Optional<PriceSheet.ApiVerdict> cheapestApi(PriceSheet sheet) {
        return byPrice(sheet).stream().findFirst();
    }

    /** The API at the middle of the blended prices (the lower middle for an even count); empty when the sheet has none. */
    public static Optional<PriceSheet.ApiVerdict> midPricedApi(PriceSheet sheet) {
        List<PriceSheet.ApiVerdict> apis = byPrice(sheet);
        return apis.isEmpty() ? Optional.empty() : Optional.of(apis.get((apis.size() - 1) / 2));
    }

    /**
     * The volumes worth drawing: from a hundredth of one device's month to past the last break-even
     * of {@code apis} and at least four devices' worth.
     */
    public static double[] volumeRange(PriceSheet sheet, List<PriceSheet.ApiVerdict> apis) {
        double capacity = tokensPerMonthPerDevice(sheet);
        double low = capacity / 100;
        double high = capacity * 4;
        for (PriceSheet.ApiVerdict a : apis) {
            if (a.breakEvenTokensPerMonth() != null) {
                low = Math.min(low, a.breakEvenTokensPerMonth().doubleValue() / 10);
                high = Math.max(high, a.breakEvenTokensPerMonth().doubleValue() * 4);
            }
        }
        return new double[] {low, high};
    }

    private static List<PriceSheet.ApiVerdict> byPrice(PriceSheet sheet) {
        return sheet.apis().stream().sorted(Comparator.comparing(PriceSheet.ApiVerdict::apiUsdPerMillionBlended)).toList();
    }

    /** Input tokens per output token at the best point; 0 when nothing is generated. */
    private static double mix(PriceSheet sheet) {
        Double r = sheet.best().inputPerOutput();
        return r == null ? 0 : r;
    }
}
