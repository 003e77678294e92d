package dev.unitcost.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The further answers {@code unitcost cost} gives beside the bill, rounded by {@link Money} for
 * showing: cached input, a fleet sized for a day's load curve, the confidence interval of the
 * self-hosted price, and routing mixes. Pure conversions of the unrounded records.
 */
public final class CostExtras {

    private CostExtras() {}

    /**
     * Cached input on both sides.
     *
     * @param share share of input tokens cached
     * @param apiUsdPerMillionCachedInput the rate card's cached-input price
     * @param apiUsdPerMillionInputEffective the API's input price with the share at the cached price
     * @param prefillSaving share of the cached tokens' prefill time saved self-hosted
     * @param prefillBasis "measured: …" or "assumed: …", or {@link #NO_SELF_HOSTED}
     */
    public record CachedInput(double share, BigDecimal apiUsdPerMillionCachedInput, BigDecimal apiUsdPerMillionInputEffective,
            double prefillSaving, String prefillBasis) {

        /** The {@code prefillBasis} when nothing self-hosted was priced. */
        public static final String NO_SELF_HOSTED = "no self-hosted side";
    }

    /**
     * A fleet sized for the busiest hour (see {@link FleetSizing}).
     *
     * @param curve the curve's name
     * @param curveSource its shape and origin, in words
     * @param peakHour the busiest hour (0–23)
     * @param peakShare the busiest hour's share of the day
     * @param utilisation the busy share allowed in the busiest hour
     * @param savingVersusApiUsdPerMonth the API's month minus the fleet's (negative: the fleet costs more)
     */
    public record Fleet(String curve, String curveSource, int peakHour, double peakShare, double utilisation, long devices,
            double achievedUtilisation, BigDecimal usdPerDeviceHour, BigDecimal usdPerMonth, BigDecimal effectiveUsdPerMillion,
            BigDecimal busyOnlyUsdPerMillion, Optional<FleetSizing.Energy> energy, BigDecimal savingVersusApiUsdPerMonth) {

        /** The fleet, set against the API's month for the same workload ({@code apiUsdPerMonth}). */
        public static Fleet of(FleetSizing f, BigDecimal apiUsdPerMonth) {
            Optional<FleetSizing.Energy> e = f.energy().map(x -> new FleetSizing.Energy(x.idleWatts(), x.busyWatts(), x.idleKwhPerMonth(),
                    x.dynamicKwhPerMonth(), Money.monthly(x.idleUsdPerMonth()), Money.monthly(x.dynamicUsdPerMonth()), x.idleWattsSource()));
            return new Fleet(f.curve().name(), f.curve().source(), f.curve().peakHour(), f.curve().peakShare(), f.utilisation(), f.devices(),
                    f.achievedUtilisation(), Money.perHour(f.usdPerDeviceHour()), Money.monthly(f.usdPerMonth()),
                    Money.perMillion(f.effectiveUsdPerMillion()), Money.perMillion(f.busyOnlyUsdPerMillion()), e,
                    Money.monthly(apiUsdPerMonth.subtract(f.usdPerMonth())));
        }
    }

    /**
     * The self-hosted blended price's 95% interval and what it says against the API.
     *
     * <p>The prices are per token at the stated utilisation (as the bill's "vs API" ratio is), not the
     * monthly bill's whole devices: a small workload on one device can be cheaper per token at full
     * use and dearer per month, so the utilisation travels with the verdict.
     *
     * @param utilisation the share of paid hours busy that the prices assume
     * @param apiUsdPerMillionBlended the API's price for the same mix
     * @param verdict cheaper, dearer, or none when the interval straddles the API price
     */
    public record Interval(int repetitions, double confidence, double utilisation, BigDecimal meanUsdPerMillion, BigDecimal lowUsdPerMillion,
            BigDecimal highUsdPerMillion, BigDecimal apiUsdPerMillionBlended, PriceInterval.Verdict verdict, String verdictWords,
            String basis) {

        public static Interval of(PriceInterval i, BigDecimal apiUsdPerMillionBlended, double utilisation) {
            PriceInterval.Verdict v = i.against(apiUsdPerMillionBlended);
            return new Interval(i.n(), PriceInterval.CONFIDENCE, utilisation, Money.perMillion(BigDecimal.valueOf(i.meanUsdPerMillion())),
                    Money.perMillion(BigDecimal.valueOf(i.lowUsdPerMillion())), Money.perMillion(BigDecimal.valueOf(i.highUsdPerMillion())),
                    Money.perMillion(apiUsdPerMillionBlended), v, v.words(), i.basis());
        }
    }

    /** Routing mixes for one self-hosted model (see {@link RouteMix}). */
    public record Routes(String model, String throughput, List<RouteMix.Row> rows, BigDecimal allApiUsdPerMonth,
            BigDecimal allSelfUsdPerMonth, Optional<Double> beatsApiAboveShare, double cheapestShare, BigDecimal cheapestUsdPerMonth,
            boolean beatsBoth) {

        public static Routes of(RouteMix m, String throughput) {
            List<RouteMix.Row> rows = m.rows().stream().map(r -> new RouteMix.Row(r.selfShare(), r.devices(), Money.monthly(r.selfUsdPerMonth()),
                    Money.monthly(r.apiUsdPerMonth()), Money.monthly(r.totalUsdPerMonth()), Money.monthly(r.versusAllApiUsdPerMonth()),
                    Money.monthly(r.versusAllSelfUsdPerMonth()))).toList();
            return new Routes(m.model(), throughput, rows, Money.monthly(m.allApiUsdPerMonth()), Money.monthly(m.allSelfUsdPerMonth()),
                    m.beatsApiAboveShare(), m.cheapestShare(), Money.monthly(m.cheapestUsdPerMonth()), m.beatsBoth());
        }
    }
}
