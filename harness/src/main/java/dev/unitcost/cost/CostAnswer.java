package dev.unitcost.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What {@code unitcost cost} answers, as a document: the workload, its API bill, the self-hosted
 * side when a throughput was given, and the duty-cycle sweep. Money is already rounded here by
 * {@link Money} (the rule is in {@code rounding}); report formats only lay it out. Empty optionals
 * are "not known" or "not offered", never zero.
 *
 * @param workload the workload and its monthly token counts
 * @param api the API's prices and monthly bill
 * @param selfHosted the self-hosted side; empty without a measured throughput
 * @param sweep the self-hosted token prices at each asked duty cycle (empty when none was asked)
 * @param rounding how money was rounded, in words
 */
public record CostAnswer(WorkloadFigures workload, ApiBill api, Optional<SelfHostedBill> selfHosted, List<DutyCycle> sweep,
        String rounding, Optional<CostExtras.CachedInput> cachedInput, Optional<CostExtras.Fleet> fleet,
        Optional<CostExtras.Interval> interval, List<CostExtras.Routes> routes, Optional<TextPrices> text) {

    public CostAnswer {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(selfHosted, "selfHosted");
        sweep = List.copyOf(sweep);
        Objects.requireNonNull(rounding, "rounding");
        cachedInput = cachedInput == null ? Optional.empty() : cachedInput;
        fleet = fleet == null ? Optional.empty() : fleet;
        interval = interval == null ? Optional.empty() : interval;
        routes = routes == null ? List.of() : List.copyOf(routes);
        text = text == null ? Optional.empty() : text;
    }

    /** This answer with the cached-input figures. */
    public CostAnswer with(CostExtras.CachedInput c) {
        return new CostAnswer(workload, api, selfHosted, sweep, rounding, Optional.of(c), fleet, interval, routes, text);
    }

    /** This answer with the fleet sized for a load curve. */
    public CostAnswer with(CostExtras.Fleet f) {
        return new CostAnswer(workload, api, selfHosted, sweep, rounding, cachedInput, Optional.of(f), interval, routes, text);
    }

    /** This answer with the self-hosted price's confidence interval. */
    public CostAnswer with(CostExtras.Interval i) {
        return new CostAnswer(workload, api, selfHosted, sweep, rounding, cachedInput, fleet, Optional.of(i), routes, text);
    }

    /** This answer with prices per character and per word of a text. */
    public CostAnswer with(TextPrices t) {
        return new CostAnswer(workload, api, selfHosted, sweep, rounding, cachedInput, fleet, interval, routes, Optional.of(t));
    }

    /** This answer with routing mixes (one entry per self-hosted model). */
    public CostAnswer withRoutes(List<CostExtras.Routes> r) {
        return new CostAnswer(workload, api, selfHosted, sweep, rounding, cachedInput, fleet, interval, r, text);
    }

    /**
     * @param requestsPerMonth users × requests per day × {@code daysPerMonth}
     */
    public record WorkloadFigures(long users, long requestsPerDay, long inputTokensPerRequest, long outputTokensPerRequest,
            int daysPerMonth, long requestsPerMonth, long inputTokensPerMonth, long outputTokensPerMonth) {}

    /**
     * @param label the API and its rate card (or "given on the command line"), in words
     * @param usdPerMillionOutput empty for input-only APIs
     * @param flag why the importer doubted this price; empty when it did not
     */
    public record ApiBill(String label, BigDecimal usdPerMillionInput, Optional<BigDecimal> usdPerMillionOutput,
            Optional<String> flag, BigDecimal inputUsdPerMonth, BigDecimal outputUsdPerMonth, BigDecimal totalUsdPerMonth) {

        public ApiBill {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(usdPerMillionInput, "usdPerMillionInput");
            Objects.requireNonNull(totalUsdPerMonth, "totalUsdPerMonth");
        }
    }

    /**
     * @param basis what one device-hour is made of, in words
     * @param throughput where the throughput came from, in words
     * @param utilisation the most a device may be busy (the fleet is sized and tokens priced at it)
     * @param averageUtilisation how busy the fleet is on average over the month
     * @param selfOverApi self-hosted over API cost for this mix, 4 decimals; empty when the API is free
     * @param breakEvenUtilisation above this duty cycle self-hosting is cheaper; empty if never
     * @param breakEvenTokensPerMonthPerDevice the monthly volume of one device above which it is cheaper; empty if never
     * @param tokensPerMonthPerDeviceCapacity what one device does in a month when always busy
     * @param savingUsdPerMonth API bill minus self-hosted bill (negative: self-hosting costs more)
     */
    public record SelfHostedBill(String basis, String throughput, double inputTokensPerSecond, OptionalDouble outputTokensPerSecond,
            double utilisation, long devices, double averageUtilisation, BigDecimal usdPerDeviceHour, BigDecimal totalUsdPerMonth,
            BigDecimal usdPerMillionInput, Optional<BigDecimal> usdPerMillionOutput, double inputPerOutput,
            BigDecimal usdPerMillionBlended, BigDecimal usdPerMillionBlended3to1, OptionalDouble gCO2PerMillionInput,
            OptionalDouble gCO2PerMillionOutput, Optional<BigDecimal> selfOverApi, OptionalDouble breakEvenUtilisation,
            Optional<BigDecimal> breakEvenTokensPerMonthPerDevice, double tokensPerMonthPerDeviceCapacity,
            BigDecimal savingUsdPerMonth) {

        public SelfHostedBill {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(throughput, "throughput");
            Objects.requireNonNull(savingUsdPerMonth, "savingUsdPerMonth");
        }
    }

    /** Self-hosted prices per 1M tokens at one duty cycle, rounded as {@link Money#perMillion}. */
    public record DutyCycle(double utilisation, BigDecimal usdPerMillionInput, Optional<BigDecimal> usdPerMillionOutput,
            double inputPerOutput, BigDecimal usdPerMillionBlended, BigDecimal usdPerMillionBlended3to1,
            OptionalDouble gCO2PerMillionInput, OptionalDouble gCO2PerMillionOutput) {

        static DutyCycle of(TokenPrices p) {
            return new DutyCycle(p.utilisation(), Money.perMillion(p.usdPerMillionInput()), p.usdPerMillionOutput().map(Money::perMillion),
                    p.inputPerOutput(), Money.perMillion(p.usdPerMillionBlended()), Money.perMillion(p.usdPerMillionBlended3to1()),
                    p.gCO2PerMillionInput(), p.gCO2PerMillionOutput());
        }
    }

    /** The answer for {@code bill}, with {@code sweep} (self-hosted prices by duty cycle; may be empty), rounded by {@link Money}. */
    public static CostAnswer of(BillComparison bill, List<TokenPrices> sweep) {
        Workload w = bill.workload();
        WorkloadFigures workload = new WorkloadFigures(w.users(), w.requestsPerDay(), w.inputTokensPerRequest(),
                w.outputTokensPerRequest(), Workload.DAYS_PER_MONTH, w.requestsPerMonth(), w.inputTokensPerMonth(),
                w.outputTokensPerMonth());
        BillComparison.ApiPrices a = bill.api();
        ApiBill api = new ApiBill(a.label(), a.usdPerMillionInput(), Optional.ofNullable(a.usdPerMillionOutput()),
                Optional.ofNullable(a.flag()), Money.monthly(bill.apiBill().inputUsd()), Money.monthly(bill.apiBill().outputUsd()),
                Money.monthly(bill.apiBill().totalUsd()));
        return new CostAnswer(workload, api, bill.self().map(CostAnswer::selfHosted), sweep.stream().map(DutyCycle::of).toList(),
                Money.RULE + "; months of " + Workload.DAYS_PER_MONTH + " days (720 h)", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    private static SelfHostedBill selfHosted(BillComparison.SelfHosting self) {
        TokenPrices p = self.prices();
        ApiComparison vs = self.versusApi();
        return new SelfHostedBill(self.hourly().basis(), self.throughput().label(), self.throughput().inputTokensPerSecond(),
                self.throughput().outputTokensPerSecond(), p.utilisation(), self.bill().devices(), self.bill().averageUtilisation(),
                Money.perHour(self.bill().usdPerDeviceHour()), Money.monthly(self.bill().totalUsd()),
                Money.perMillion(p.usdPerMillionInput()), p.usdPerMillionOutput().map(Money::perMillion), p.inputPerOutput(),
                Money.perMillion(p.usdPerMillionBlended()), Money.perMillion(p.usdPerMillionBlended3to1()), p.gCO2PerMillionInput(),
                p.gCO2PerMillionOutput(), vs.selfOverApi().map(r -> r.setScale(4, Money.ROUNDING)), vs.breakEvenUtilisation(),
                vs.breakEvenTokensPerMonth().map(v -> v.setScale(0, Money.ROUNDING)), vs.tokensPerMonthPerDevice(),
                Money.monthly(self.savingUsd()));
    }
}
