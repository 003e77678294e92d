package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routing a share of requests to a self-hosted model and the rest to an API: the month of each mix,
 * and the shares at which a mix beats sending everything one way.
 *
 * <p>At share r the API bills {@code (1 − r)} of its all-API month; the self-hosted side needs
 * {@code k(r)} devices for r of the busy seconds ({@link LoadCurve#devicesNeeded}), each paid every
 * hour. Between two device counts the cost {@code k × D + (1 − r) × A} falls with r, so each count's
 * cheapest share is the largest it serves, {@code r_k = min(1, k × capacity share)}: the cheapest
 * mix is among those. The mix beats all-API where {@code k × D < r × A} and beats all-self-hosted
 * ({@code K} devices at r = 1) where {@code (1 − r) × A < (K − k) × D}.
 *
 * @param model the self-hosted model, in words
 * @param rows each asked share
 * @param allApiUsdPerMonth the month with every request at the API
 * @param allSelfUsdPerMonth the month with every request self-hosted
 * @param beatsApiAboveShare the mix is cheaper than all-API above this share; empty if it never is
 * @param cheapestShare the share with the lowest month
 * @param cheapestUsdPerMonth that month
 * @param beatsBoth whether the cheapest share is strictly cheaper than both all-API and all-self-hosted
 */
public record RouteMix(String model, List<Row> rows, BigDecimal allApiUsdPerMonth, BigDecimal allSelfUsdPerMonth,
        Optional<Double> beatsApiAboveShare, double cheapestShare, BigDecimal cheapestUsdPerMonth, boolean beatsBoth) {

    private static final MathContext MC = MathContext.DECIMAL64;

    public RouteMix {
        rows = List.copyOf(rows);
    }

    /**
     * One share.
     *
     * @param selfShare share of requests self-hosted, in [0, 1]
     * @param devices devices bought for it (0 when nothing is self-hosted)
     */
    public record Row(double selfShare, long devices, BigDecimal selfUsdPerMonth, BigDecimal apiUsdPerMonth, BigDecimal totalUsdPerMonth,
            BigDecimal versusAllApiUsdPerMonth, BigDecimal versusAllSelfUsdPerMonth) {}

    /**
     * The mixes of {@code w} between the API ({@code apiBill}, the whole workload there) and devices
     * with throughput {@code t}, each paid {@code hourly} for every hour of the month.
     */
    public static RouteMix of(String model, List<Double> shares, Workload w, MonthlyBill.Api apiBill, MeasuredThroughput t,
            HourlyCost hourly, LoadCurve curve, double utilisation) {
        return of(model, shares, apiBill.totalUsd(), t.busySeconds(w.inputTokensPerMonth(), w.outputTokensPerMonth()),
                hourly.usdPerHour().multiply(ApiComparison.HOURS_PER_MONTH, MC), curve, utilisation);
    }

    /**
     * @param allApiUsdPerMonth the whole workload's month at the API
     * @param busySecondsPerMonth device-seconds the whole workload needs self-hosted
     * @param deviceUsdPerMonth one device's month (paid every hour)
     */
    public static RouteMix of(String model, List<Double> shares, BigDecimal allApiUsdPerMonth, double busySecondsPerMonth,
            BigDecimal deviceUsdPerMonth, LoadCurve curve, double utilisation) {
        long all = curve.devicesNeeded(busySecondsPerMonth, utilisation);
        BigDecimal allSelf = deviceUsdPerMonth.multiply(BigDecimal.valueOf(all), MC);
        List<Row> rows = new ArrayList<>();
        for (double r : shares) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("selfShare must be in [0, 1], got " + r);
            }
            long k = r == 0 ? 0 : curve.devicesNeeded(busySecondsPerMonth * r, utilisation);
            BigDecimal self = deviceUsdPerMonth.multiply(BigDecimal.valueOf(k), MC);
            BigDecimal api = allApiUsdPerMonth.multiply(BigDecimal.valueOf(1 - r), MC);
            BigDecimal total = self.add(api, MC);
            rows.add(new Row(r, k, self, api, total, total.subtract(allApiUsdPerMonth, MC), total.subtract(allSelf, MC)));
        }
        // the share one device covers; each device count k serves shares up to k × perDevice
        double perDevice = 1.0 / (busySecondsPerMonth / Workload.DAYS_PER_MONTH * curve.peakShare() / (3600.0 * utilisation));
        double a = allApiUsdPerMonth.doubleValue();
        double d = deviceUsdPerMonth.doubleValue();
        Optional<Double> beatsApi = Optional.empty();
        double bestShare = 0;
        BigDecimal best = allApiUsdPerMonth;
        for (long k = 1; k <= all; k++) {
            double from = Math.min(1, (k - 1) * perDevice);
            double to = k == all ? 1 : Math.min(1, k * perDevice);
            double threshold = k * d / a; // the mix beats all-API above this share, within this device count
            if (beatsApi.isEmpty() && a > 0 && threshold < to) {
                beatsApi = Optional.of(Math.max(from, threshold));
            }
            BigDecimal month = deviceUsdPerMonth.multiply(BigDecimal.valueOf(k), MC)
                    .add(allApiUsdPerMonth.multiply(BigDecimal.valueOf(1 - to), MC), MC);
            if (month.compareTo(best) < 0) {
                best = month;
                bestShare = to;
            }
        }
        boolean both = best.compareTo(allApiUsdPerMonth) < 0 && best.compareTo(allSelf) < 0;
        return new RouteMix(model, rows, allApiUsdPerMonth, allSelf, beatsApi, bestShare, best, both);
    }
}
