package dev.unitcost.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A run priced against one hardware profile and the rate cards.
 *
 * @param hardwareProfile profile name
 * @param hardwareAsOf the date its figures were true
 * @param hardwareSource where its figures come from
 * @param usdPerHour hourly cost of the machine as profiled
 * @param utilisation share of paid hours the machine is busy
 * @param rounding how money figures were rounded for storage
 * @param points USD per 1M tokens at each sweep point
 * @param bestBatchSize the point with the lowest cost
 * @param apis the same tokens at each embedding API, against the best point
 */
public record CostSection(
        String hardwareProfile,
        LocalDate hardwareAsOf,
        String hardwareSource,
        BigDecimal usdPerHour,
        double utilisation,
        String rounding,
        List<PointCost> points,
        int bestBatchSize,
        List<ApiComparison> apis) {

    public CostSection {
        points = List.copyOf(points);
        apis = List.copyOf(apis);
    }

    /** Cost at one sweep point, from its median throughput. */
    public record PointCost(int batchSize, double tokensPerSecond, BigDecimal usdPerMillionTokens) {}

    /**
     * One API model's price for the same tokens.
     *
     * @param ratio API price / self-hosted price (above 1: self-hosting is cheaper)
     */
    public record ApiComparison(String provider, String model, LocalDate rateCardAsOf, BigDecimal apiUsdPerMillionTokens,
            BigDecimal selfHostedUsdPerMillionTokens, BigDecimal ratio) {}
}
