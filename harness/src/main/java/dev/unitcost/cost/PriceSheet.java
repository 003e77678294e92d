package dev.unitcost.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A run priced on one hardware profile against the rate cards: the same record for every task kind.
 * Input tokens carry prefill time, output tokens decode time; a task that generates nothing has
 * input prices only.
 *
 * @param hardware the whole profile the prices come from, as it was when priced (re-pricing never
 *     picks up an edited file silently)
 * @param choice why this profile: it matched the measured devices (and how), or it was asked for as another
 *     machine's ({@code measuredOn} then names the devices the run used)
 * @param usdPerHour one device of the profile, per paid hour
 * @param hourlyBasis how that hourly figure was reached, in words
 * @param utilisation share of paid hours the device is busy
 * @param rounding how stored money figures are rounded
 * @param points prices at every successful point, in sweep order
 * @param bestPoint index into {@code points} of the point that serves a 3:1 mix in the fewest busy seconds
 * @param apis every API model of the task's mode priced for the same tokens, against the best point
 */
public record PriceSheet(
        HardwareProfile hardware, ProfileChoice choice, BigDecimal usdPerHour, String hourlyBasis, double utilisation, String rounding,
        List<PointPrice> points, int bestPoint, List<ApiVerdict> apis) {

    public PriceSheet {
        points = List.copyOf(points);
        apis = List.copyOf(apis);
        if (bestPoint < 0 || bestPoint >= points.size()) {
            throw new IllegalArgumentException("bestPoint " + bestPoint + " is not one of " + points.size() + " points");
        }
    }

    public PointPrice best() {
        return points.get(bestPoint);
    }

    /** The devices the run used when it was priced as another machine; null when the profile describes them. */
    public String measuredOn() {
        return choice == null ? null : choice.measuredOn();
    }

    /** "priced as X, measured on Y" when the profile is not the measured machine; empty otherwise. */
    public String pricedAsLabel() {
        return measuredOn() == null ? "" : "priced as " + hardware.name() + ", measured on " + measuredOn();
    }

    /**
     * @param outputLength null when the task generates nothing
     * @param inputPerOutput the point's own input:output mix; null when nothing is generated
     * @param usdPerMillionOutput null when nothing is generated
     * @param usdPerMillionBlended at the point's own mix (the input price when nothing is generated)
     * @param usdPerMillionBlended3to1 at three input tokens per output token (the input price when nothing is generated)
     */
    public record PointPrice(int batchSize, int inputLength, Integer outputLength, Double inputPerOutput, double inputTokensPerSecond,
            Double outputTokensPerSecond, BigDecimal usdPerMillionInput, BigDecimal usdPerMillionOutput, BigDecimal usdPerMillionBlended,
            BigDecimal usdPerMillionBlended3to1) {}

    /**
     * One API model set against the best point, for the same mix.
     *
     * @param apiUsdPerMillionOutput null for input-only APIs (embeddings)
     * @param ratio API blended price / self-hosted blended price (above 1: self-hosting is cheaper); null when ours is free
     * @param breakEvenTokensPerMonth monthly tokens (at the mix) above which one self-hosted device is cheaper; null if never
     * @param breakEvenUtilisation utilisation above which self-hosting wins; null when it never does
     */
    public record ApiVerdict(String provider, String model, LocalDate rateCardAsOf, String flag, BigDecimal apiUsdPerMillionInput,
            BigDecimal apiUsdPerMillionOutput, BigDecimal apiUsdPerMillionBlended, BigDecimal selfUsdPerMillionBlended, BigDecimal ratio,
            BigDecimal breakEvenTokensPerMonth, Double breakEvenUtilisation) {}
}
