package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * A workload's month on an API and, when a measured throughput and hardware are given, on
 * self-hosted devices: what {@code unitcost cost} shows. Unrounded; round with {@link Money}.
 *
 * @param workload the month's requests and tokens
 * @param api the API's prices and where they come from
 * @param apiBill the month at the API
 * @param self the self-hosted side, when asked for
 */
public record BillComparison(Workload workload, ApiPrices api, MonthlyBill.Api apiBill, Optional<SelfHosting> self) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /**
     * An API's prices per 1M tokens.
     *
     * @param label model and rate card (provider, asOf), or "given on the command line"
     * @param usdPerMillionOutput null for input-only (embedding) APIs
     * @param flag the importer's doubt about the price, if any
     * @param usdPerMillionCachedInput the price of a cached input token; null when the API offers none
     */
    public record ApiPrices(String label, BigDecimal usdPerMillionInput, BigDecimal usdPerMillionOutput, String flag,
            BigDecimal usdPerMillionCachedInput) {
        public ApiPrices {
            HardwareProfile.Checks.nonNegative(usdPerMillionInput, "usdPerMillionInput");
            HardwareProfile.Checks.optionalNonNegative(usdPerMillionOutput, "usdPerMillionOutput");
            HardwareProfile.Checks.optionalNonNegative(usdPerMillionCachedInput, "usdPerMillionCachedInput");
        }

        /** Prices with no cached-input price. */
        public ApiPrices(String label, BigDecimal usdPerMillionInput, BigDecimal usdPerMillionOutput, String flag) {
            this(label, usdPerMillionInput, usdPerMillionOutput, flag, null);
        }

        public static ApiPrices of(RateCards.Entry e) {
            return new ApiPrices(e.describe(), e.price().input(), e.price().output(), e.price().flag(), e.price().cachedInput());
        }

        /**
         * These prices with {@code cachedShare} of input tokens at the cached price: the input price
         * becomes {@code (1 − s) × input + s × cachedInput}; the label says so.
         *
         * @throws IllegalArgumentException when the share is outside [0, 1] or a share is asked of an API with no cached price
         */
        public ApiPrices withCachedShare(double cachedShare) {
            if (!(cachedShare >= 0 && cachedShare <= 1)) {
                throw new IllegalArgumentException("cachedShare must be in [0, 1], got " + cachedShare);
            }
            if (cachedShare == 0) {
                return this;
            }
            if (usdPerMillionCachedInput == null) {
                throw new IllegalArgumentException(label + " has no cached-input price");
            }
            BigDecimal s = BigDecimal.valueOf(cachedShare);
            BigDecimal in = usdPerMillionInput.multiply(BigDecimal.ONE.subtract(s), MC).add(usdPerMillionCachedInput.multiply(s, MC), MC);
            return new ApiPrices(label + "; " + HourlyCost.fmt(cachedShare) + " of input cached at USD "
                    + usdPerMillionCachedInput.toPlainString() + " per 1M", in, usdPerMillionOutput, flag, usdPerMillionCachedInput);
        }
    }

    /**
     * The self-hosted side.
     *
     * @param hourly what one paid device-hour costs, and why
     * @param throughput per device, measured
     * @param bill devices needed and their month
     * @param prices per 1M tokens at the duty-cycle ceiling
     * @param versusApi break-even figures for the workload's token mix
     * @param savingUsd API bill minus self-hosted bill (negative: self-hosting costs more)
     */
    public record SelfHosting(HourlyCost hourly, MeasuredThroughput throughput, MonthlyBill.SelfHosted bill,
            TokenPrices prices, ApiComparison versusApi, BigDecimal savingUsd) {}

    /** The API side only. */
    public static BillComparison apiOnly(Workload w, ApiPrices api) {
        return new BillComparison(w, api, MonthlyBill.api(w, api.usdPerMillionInput(), api.usdPerMillionOutput()), Optional.empty());
    }

    /**
     * Both sides.
     *
     * @param hourly one device's paid hour at duty cycle {@code utilisation}
     * @param utilisation the most a device may be busy, in (0, 1]: sizes the fleet and prices the tokens
     */
    public static BillComparison withSelfHosting(Workload w, ApiPrices api, HourlyCost hourly, MeasuredThroughput t,
            double utilisation) {
        BillComparison apiSide = apiOnly(w, api);
        double ratio = w.inputPerOutput().orElse(TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
        MonthlyBill.SelfHosted bill = MonthlyBill.selfHosted(w, t, hourly.usdPerHour(), utilisation);
        TokenPrices prices = TokenCosts.price(hourly, t, ratio, utilisation);
        // a workload that generates nothing is compared on input alone, whatever the run could do
        MeasuredThroughput sized = w.outputTokensPerMonth() == 0 && t.outputTokensPerSecond().isPresent()
                ? MeasuredThroughput.inputOnly(t.inputTokensPerSecond(), t.label()) : t;
        ApiComparison vs = ApiComparison.compare(hourly, sized, api.usdPerMillionInput(), api.usdPerMillionOutput(),
                api.label(), ratio, utilisation);
        BigDecimal saving = apiSide.apiBill().totalUsd().subtract(bill.totalUsd(), MC);
        return new BillComparison(w, api, apiSide.apiBill(),
                Optional.of(new SelfHosting(hourly, t, bill, prices, vs, saving)));
    }
}
