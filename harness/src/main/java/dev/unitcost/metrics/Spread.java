package dev.unitcost.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Median and spread of repeated measurements of one figure.
 *
 * @param n how many values
 * @param median the middle value (mean of the two middle ones for even n)
 * @param min smallest
 * @param max largest
 * @param coefficientOfVariation sample standard deviation / mean; absent for n &lt; 2
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"n", "median", "min", "max", "coefficientOfVariation", "unstable"})
public record Spread(int n, double median, double min, double max, Double coefficientOfVariation) {

    /** Above this CV a point is flagged unstable. */
    public static final double UNSTABLE_CV = 0.05;

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics();
        values.forEach(stats::addValue);
        Double cv = values.size() < 2 || stats.getMean() == 0 ? null : stats.getStandardDeviation() / stats.getMean();
        return new Spread(values.size(), stats.getPercentile(50), stats.getMin(), stats.getMax(), cv);
    }

    /** True when the CV is known and above {@link #UNSTABLE_CV}. */
    @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public boolean unstable() {
        return coefficientOfVariation != null && coefficientOfVariation > UNSTABLE_CV;
    }
}
