package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Self-hosting set against one API model, for the same token mix.
 *
 * <p>One device costs {@code usdPerHour × 720} a (30-day) month whether busy or not; the API costs
 * its blended price per token. Self-hosting wins above the duty cycle
 * {@code u* = self cost per token at u = 1 / API price per token}, i.e. above the monthly volume
 * {@code V* = monthly device cost / API price per token} on one device. When {@code u* > 1} the
 * device is dearer than the API even when always busy: no break-even (both empty).
 *
 * @param api the API model and its card, in words (see {@link RateCards.Entry#describe()})
 * @param apiUsdPerMillionBlended the API's price for the mix
 * @param selfUsdPerMillionBlended ours for the mix, at {@code utilisation}
 * @param selfOverApi ours divided by theirs (empty when the API is free)
 * @param breakEvenUtilisation the duty cycle above which self-hosting is cheaper; empty if never
 * @param breakEvenTokensPerMonth the monthly volume (all tokens of the mix) above which one device
 *     is cheaper; empty if never
 * @param deviceUsdPerMonth one device's fixed monthly cost (720 h)
 * @param tokensPerMonthPerDevice what one device can do in a month when always busy
 * @param inputPerOutput the mix
 * @param utilisation the duty cycle of {@code selfUsdPerMillionBlended}
 */
public record ApiComparison(
        String api, BigDecimal apiUsdPerMillionBlended, BigDecimal selfUsdPerMillionBlended,
        Optional<BigDecimal> selfOverApi, OptionalDouble breakEvenUtilisation, Optional<BigDecimal> breakEvenTokensPerMonth,
        BigDecimal deviceUsdPerMonth, double tokensPerMonthPerDevice, double inputPerOutput, double utilisation) {

    /** Hours in the 30-day month every monthly figure uses. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);
    public static final double SECONDS_PER_MONTH = 720 * 3600.0;

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * Compares the devices priced by {@code hourly} with {@code api}.
     *
     * @param inputPerOutput input tokens per output token of the workload (ignored for input-only runs)
     */
    public static ApiComparison compare(HourlyCost hourly, MeasuredThroughput throughput, RateCards.Entry api,
            double inputPerOutput, double utilisation) {
        return compare(hourly, throughput, api.price().input(), api.price().output(), api.describe(), inputPerOutput,
                utilisation);
    }

    /**
     * Compares with an API priced {@code apiUsdPerMillionInput} / {@code apiUsdPerMillionOutput}
     * (output null for input-only APIs), described by {@code apiLabel}.
     */
    public static ApiComparison compare(HourlyCost hourly, MeasuredThroughput throughput, BigDecimal apiUsdPerMillionInput,
            BigDecimal apiUsdPerMillionOutput, String apiLabel, double inputPerOutput, double utilisation) {
        boolean generates = throughput.outputTokensPerSecond().isPresent();
        if (generates && apiUsdPerMillionOutput == null) {
            throw new IllegalArgumentException(apiLabel + " has no output price; it cannot be set against a run"
                    + " that generates tokens (" + throughput.label() + ")");
        }
        BigDecimal apiBlend = TokenCosts.blend(apiUsdPerMillionInput,
                generates ? Optional.of(apiUsdPerMillionOutput) : Optional.empty(), inputPerOutput);
        BigDecimal selfBlend = TokenCosts.price(hourly, throughput, inputPerOutput, utilisation).usdPerMillionBlended();
        BigDecimal selfAtFull = TokenCosts.price(hourly, throughput, inputPerOutput, 1.0).usdPerMillionBlended();
        BigDecimal monthly = hourly.usdPerHour().multiply(HOURS_PER_MONTH, MC);
        double capacity = SECONDS_PER_MONTH / secondsPerToken(throughput, inputPerOutput);
        if (apiBlend.signum() == 0) {
            return new ApiComparison(apiLabel, apiBlend, selfBlend, Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                    monthly, capacity, inputPerOutput, utilisation);
        }
        double uStar = selfAtFull.divide(apiBlend, MC).doubleValue();
        boolean wins = uStar <= 1.0;
        return new ApiComparison(apiLabel, apiBlend, selfBlend, Optional.of(selfBlend.divide(apiBlend, MC)),
                wins ? OptionalDouble.of(uStar) : OptionalDouble.empty(),
                wins ? Optional.of(monthly.multiply(MILLION, MC).divide(apiBlend, MC)) : Optional.empty(),
                monthly, capacity, inputPerOutput, utilisation);
    }

    /** Busy seconds per token of the mix: {@code (r / inTps + 1 / outTps) / (r + 1)}. */
    static double secondsPerToken(MeasuredThroughput t, double inputPerOutput) {
        if (t.outputTokensPerSecond().isEmpty()) {
            return 1.0 / t.inputTokensPerSecond();
        }
        return t.busySeconds(inputPerOutput, 1.0) / (inputPerOutput + 1.0);
    }

    /**
     * Devices needed to serve a month's tokens at a duty cycle no higher than {@code utilisation}:
     * {@code ceil(busy seconds / (720 h × 3600 × u))}, at least one. A shortfall of under a
     * millionth of a device is treated as float noise, not as a device to buy.
     */
    public static long devicesNeeded(MeasuredThroughput t, double inputTokensPerMonth, double outputTokensPerMonth,
            double utilisation) {
        CostModel.checkUtilisation(utilisation);
        double devices = t.busySeconds(inputTokensPerMonth, outputTokensPerMonth) / (SECONDS_PER_MONTH * utilisation);
        return Math.max(1, (long) Math.ceil(devices - 1e-6));
    }
}
