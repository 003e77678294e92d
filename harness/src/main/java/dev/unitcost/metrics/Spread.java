package dev.unitcost.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Median and spread of repeated measurements of one figure.
 *
 * @param n how many values
 * @param median the middle value (mean of the two middle ones for even n)
 * @param min smallest
 * @param max largest
 * @param coefficientOfVariation sample standard deviation / mean; absent for n &lt; 2
 * @param ci95HalfWidthFraction half-width of the 95% confidence interval of the mean (Student's t), over the mean;
 *     absent for n &lt; 2
 */
/* Components, then derived figures: a fixed order, so equal reports are equal bytes. */
@JsonPropertyOrder({"n", "median", "min", "max", "coefficientOfVariation", "ci95HalfWidthFraction", "unstable"})
public record Spread(int n, double median, double min, double max, Double coefficientOfVariation, Double ci95HalfWidthFraction) {

    /** Above this CV a point is flagged unstable. */
    public static final double UNSTABLE_CV = 0.05;

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        DescriptiveStatistics stats = new DescriptiveStatistics();
        values.forEach(stats::addValue);
        int n = values.size();
        boolean spread = n >= 2 && stats.getMean() != 0;
        Double cv = spread ? stats.getStandardDeviation() / stats.getMean() : null;
        Double ci = spread ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) * stats.getStandardDeviation()
                / Math.sqrt(n) / Math.abs(stats.getMean()) : null;
        return new Spread(n, stats.getPercentile(50), stats.getMin(), stats.getMax(), cv, ci);
    }

    /** True when the CV is known and above {@link #UNSTABLE_CV}. */
    @com.fasterxml.jackson.annotation.JsonProperty(access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public boolean unstable() {
        return coefficientOfVariation != null && coefficientOfVariation > UNSTABLE_CV;
    }
}
