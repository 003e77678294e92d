package dev.unitcost.result;

/**
 * One objective at one load point: the metric's stated percentile over the point's completed
 * requests, against its threshold.
 *
 * @param slo as given ({@code ttft_p99=500ms})
 * @param valueNanos the percentile measured (HdrHistogram, 3 significant digits); null when no request had the metric
 * @param met whether the value is within the threshold (a metric no request had cannot be missed)
 */
public record SloCheck(String slo, Long valueNanos, boolean met) {}
