package dev.unitcost.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A generation run priced against one hardware profile and the chat models on the rate cards.
 * Input tokens carry prefill time, output tokens decode time.
 *
 * @param points prices at each sweep point
 * @param bestPoint index into {@code points} of the point with the lowest blended (workload ratio) price
 * @param apis chat models priced for the same token mix, against the best point
 */
public record GenerationCostSection(
        String hardwareProfile, LocalDate hardwareAsOf, String hardwareSource, BigDecimal usdPerHour, String hourlyBasis,
        double utilisation, String rounding, List<PointCost> points, int bestPoint, List<ApiComparison> apis) {

    public GenerationCostSection {
        points = List.copyOf(points);
        apis = List.copyOf(apis);
    }

    /**
     * @param inputPerOutput the point's input tokens per output token
     * @param usdPerMillionInput on prefill throughput
     * @param usdPerMillionOutput on decode throughput; null when nothing was decoded
     * @param usdPerMillionBlended at the point's own input:output ratio
     * @param usdPerMillionBlended3to1 at 3 input tokens per output token
     */
    public record PointCost(int batchSize, int inputLength, int outputLength, double inputPerOutput, BigDecimal usdPerMillionInput,
            BigDecimal usdPerMillionOutput, BigDecimal usdPerMillionBlended, BigDecimal usdPerMillionBlended3to1) {}

    /**
     * @param ratio API blended price / self-hosted blended price (above 1: self-hosting is cheaper)
     * @param breakEvenTokensPerMonth monthly tokens (at the mix) above which self-hosting one device is cheaper; null if never
     * @param breakEvenUtilisation utilisation above which self-hosting wins; null when it never does
     */
    public record ApiComparison(String provider, String model, LocalDate rateCardAsOf, BigDecimal apiUsdPerMillionInput,
            BigDecimal apiUsdPerMillionOutput, BigDecimal apiUsdPerMillionBlended, BigDecimal ratio, BigDecimal breakEvenTokensPerMonth,
            Double breakEvenUtilisation) {}
}
