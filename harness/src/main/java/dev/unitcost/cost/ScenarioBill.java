package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code unitcost cost --scenario NAME}: every option of a {@link Scenario} billed for the same month,
 * cheapest first. APIs at their prices; self-hosted options as fleets sized for the busiest hour of
 * the scenario's load curve ({@link FleetSizing}), each saying whether its throughput was measured
 * or projected. Rounded by {@link Money}.
 *
 * @param options cheapest month first
 */
public record ScenarioBill(String name, String description, String source, LocalDate asOf, CostAnswer.WorkloadFigures workload,
        String loadCurve, String loadCurveSource, double utilisation, List<Option> options, String rounding) {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public ScenarioBill {
        options = List.copyOf(options);
    }

    /**
     * One option's month.
     *
     * @param kind {@code api} or {@code self-hosted}
     * @param basis the API's prices, or the hardware and how one serving unit's hourly cost is made
     * @param throughput where a self-hosted throughput comes from ("measured: …" or "projected: …"); empty for APIs
     * @param units serving units bought (each {@code devicesPerUnit} devices); empty for APIs
     * @param achievedUtilisation the fleet's busy share over the month; empty for APIs
     * @param usdPerMillionBlended the month over its tokens (the effective price, every paid hour counted)
     * @param busyOnlyUsdPerMillion busy device-hours only (optimistic); empty for APIs
     * @param versusCheapestApiUsdPerMonth this month minus the cheapest API's; empty without an API option
     */
    public record Option(String name, String kind, String basis, Optional<String> throughput, Optional<Long> units,
            Optional<Integer> devicesPerUnit, Optional<Double> achievedUtilisation, BigDecimal usdPerMonth, BigDecimal usdPerMillionBlended,
            Optional<BigDecimal> busyOnlyUsdPerMillion, Optional<BigDecimal> versusCheapestApiUsdPerMonth) {}

    /**
     * A self-hosted option, its throughput found.
     *
     * @param name how the option is shown
     * @param throughput one serving unit's throughput, labelled measured or projected
     * @param devicesUsed devices of the profile one unit takes
     */
    public record SelfHostedInput(String name, MeasuredThroughput throughput, HardwareProfile profile, int devicesUsed,
            HourlyCost.RentalPrice price) {}

    public static ScenarioBill of(Scenario s, LoadCurve curve, List<SelfHostedInput> selfHosted) {
        Workload w = s.workload();
        BigDecimal tokens = BigDecimal.valueOf(w.inputTokensPerMonth() + w.outputTokensPerMonth());
        List<Option> raw = new ArrayList<>();
        for (Scenario.Api a : s.apis()) {
            BigDecimal month = MonthlyBill.api(w, a.input(), a.output()).totalUsd();
            raw.add(new Option(a.name(), "api", "API at USD " + a.input().toPlainString() + " in / " + a.output().toPlainString()
                    + " out per 1M tokens", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), month,
                    month.multiply(MILLION, MC).divide(tokens, MC), Optional.empty(), Optional.empty()));
        }
        for (SelfHostedInput in : selfHosted) {
            FleetSizing f = FleetSizing.of(w, in.throughput(), curve, s.utilisation(), in.profile(), in.price(), in.devicesUsed(), null);
            String basis = String.format(java.util.Locale.ROOT, "%s (asOf %s): %d of %d devices per unit, USD %s per unit-hour", in.profile().name(),
                    in.profile().asOf(), in.devicesUsed(), in.profile().devices(), Money.perHour(f.usdPerDeviceHour()).toPlainString());
            raw.add(new Option(in.name(), "self-hosted", basis, Optional.of(in.throughput().label()), Optional.of(f.devices()),
                    Optional.of(in.devicesUsed()), Optional.of(f.achievedUtilisation()), f.usdPerMonth(), f.effectiveUsdPerMillion(),
                    Optional.of(f.busyOnlyUsdPerMillion()), Optional.empty()));
        }
        Optional<BigDecimal> cheapestApi = raw.stream().filter(o -> o.kind().equals("api")).map(Option::usdPerMonth)
                .min(Comparator.naturalOrder());
        List<Option> options = raw.stream().sorted(Comparator.comparing(Option::usdPerMonth)).map(o -> new Option(o.name(), o.kind(),
                o.basis(), o.throughput(), o.units(), o.devicesPerUnit(), o.achievedUtilisation(), Money.monthly(o.usdPerMonth()),
                Money.perMillion(o.usdPerMillionBlended()), o.busyOnlyUsdPerMillion().map(Money::perMillion),
                cheapestApi.map(c -> Money.monthly(o.usdPerMonth().subtract(c, MC))))).toList();
        CostAnswer.WorkloadFigures figures = new CostAnswer.WorkloadFigures(w.users(), w.requestsPerDay(), w.inputTokensPerRequest(),
                w.outputTokensPerRequest(), Workload.DAYS_PER_MONTH, w.requestsPerMonth(), w.inputTokensPerMonth(), w.outputTokensPerMonth());
        return new ScenarioBill(s.name(), s.description(), s.source(), s.asOf(), figures, curve.name(), curve.source(), s.utilisation(),
                options, Money.RULE + "; months of " + Workload.DAYS_PER_MONTH + " days (720 h)");
    }
}
