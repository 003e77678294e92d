package dev.unitcost.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a day's requests spread over its 24 hours: the share of the day's volume in each hour (they
 * sum to one). A fleet is sized for the busiest hour and paid for all 24.
 *
 * <p>Sizing, one rule for every curve: the busiest hour needs {@code busy seconds per day × peak
 * share} device-seconds of work, and no device may be busier than the utilisation ceiling in that
 * hour, so {@code devices = ceil(busy seconds per day × peak share / (3600 × u))}. The flat curve
 * (every hour 1/24) gives exactly the 720-hour sizing of {@link ApiComparison#devicesNeeded}.
 *
 * @param name {@code flat}, {@code business-hours}, {@code diurnal} or the file it was read from
 * @param hourlyShares 24 shares, hour 0 (00:00–01:00) first, summing to 1
 * @param source what the shape is and where it comes from, in words
 */
public record LoadCurve(String name, List<Double> hourlyShares, String source) {

    public static final int HOURS = 24;

    public LoadCurve {
        if (hourlyShares == null || hourlyShares.size() != HOURS) {
            throw new IllegalArgumentException("hourlyShares: expected 24 values, got " + (hourlyShares == null ? 0 : hourlyShares.size()));
        }
        hourlyShares = List.copyOf(hourlyShares);
        double sum = hourlyShares.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > 1e-9 || hourlyShares.stream().anyMatch(s -> !(s >= 0))) {
            throw new IllegalArgumentException("hourlyShares must be >= 0 and sum to 1, got a sum of " + sum);
        }
    }

    /**
     * A curve from relative volumes (any scale): each hour's weight over the day's total.
     *
     * @throws IllegalArgumentException unless there are 24 finite weights, none negative, not all zero
     */
    public static LoadCurve ofWeights(String name, List<Double> weights, String source) {
        if (weights.size() != HOURS) {
            throw new IllegalArgumentException("expected 24 hourly volumes (hour 0 to 23), got " + weights.size());
        }
        double sum = 0;
        for (int h = 0; h < HOURS; h++) {
            double w = weights.get(h);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("hour " + h + ": expected a volume >= 0, got " + w);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("every hour is zero: no volume to size for");
        }
        List<Double> shares = new ArrayList<>();
        for (double w : weights) {
            shares.add(w / sum);
        }
        // renormalise the rounding of the division so the shares sum to 1 within the record's check
        return new LoadCurve(name, shares, source);
    }

    /** Every hour alike: the sizing every other command uses. */
    public static LoadCurve flat() {
        return ofWeights("flat", java.util.Collections.nCopies(HOURS, 1.0), "flat: every hour carries 1/24 of the day");
    }

    /** A 12-hour business day: 08:00 to 20:00 evenly, nothing at night. */
    public static LoadCurve businessHours() {
        List<Double> w = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            w.add(h >= 8 && h < 20 ? 1.0 : 0.0);
        }
        return ofWeights("business-hours", w, "business-hours: 08:00-20:00 evenly (1/12 of the day each hour), none at night;"
                + " an assumed shape, not measured");
    }

    /** Consumer traffic: a night trough at a seventh of the evening peak. */
    public static LoadCurve diurnal() {
        double[] v = {0.35, 0.25, 0.2, 0.15, 0.15, 0.2, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.9, 0.85, 0.85, 0.85, 0.85, 0.9, 0.95, 1.0, 1.0,
            0.9, 0.7, 0.5};
        List<Double> w = new ArrayList<>();
        for (double x : v) {
            w.add(x);
        }
        return ofWeights("diurnal", w, "diurnal: consumer-style day, trough 03:00-05:00 at 0.15 of the 19:00-21:00 peak;"
                + " an illustrative shape, not measured");
    }

    /** A built-in curve by name; empty when the name is none of them. */
    public static Optional<LoadCurve> builtIn(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "flat" -> Optional.of(flat());
            case "business-hours" -> Optional.of(businessHours());
            case "diurnal" -> Optional.of(diurnal());
            default -> Optional.empty();
        };
    }

    /** The largest hourly share. */
    public double peakShare() {
        return hourlyShares.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** The first hour with the largest share. */
    public int peakHour() {
        return hourlyShares.indexOf(peakShare());
    }

    /** Hours with any volume at all. */
    public int activeHours() {
        return (int) hourlyShares.stream().filter(s -> s > 0).count();
    }

    /**
     * Devices needed when a month needs {@code busySecondsPerMonth} device-seconds of work and no device
     * may be busier than {@code utilisation} in the busiest hour; at least one. A shortfall under a
     * millionth of a device is float noise, not a device to buy.
     */
    public long devicesNeeded(double busySecondsPerMonth, double utilisation) {
        CostModel.checkUtilisation(utilisation);
        double peakHourSeconds = busySecondsPerMonth / Workload.DAYS_PER_MONTH * peakShare();
        return Math.max(1, (long) Math.ceil(peakHourSeconds / (3600.0 * utilisation) - 1e-6));
    }
}
