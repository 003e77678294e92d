package dev.unitcost.metrics;

/**
 * Percentiles of one latency metric, all in nanoseconds, from an HdrHistogram (values carry
 * 3 significant digits). {@code histogramBase64} is the compressed histogram itself, so other
 * percentiles can be read later ({@code Histogram.decodeFromCompressedByteBuffer}).
 */
public record LatencySummary(
        long count, long minNanos, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos, double meanNanos,
        String histogramBase64) {}
