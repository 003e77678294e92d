package dev.unitcost.metrics;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * One latency metric in nanoseconds, recorded into an HdrHistogram (3 significant digits, up to
 * one hour). Not thread safe: one recording thread.
 */
public final class LatencyRecorder {

    private static final long MAX_NANOS = 3_600_000_000_000L;
    private final Histogram histogram = new Histogram(1, MAX_NANOS, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos, MAX_NANOS)));
    }

    /** The recorded value at {@code percentile} (0 to 100), as HdrHistogram reports it (3 significant digits). */
    public long valueAtPercentileNanos(double percentile) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        return histogram.getValueAtPercentile(percentile);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Percentiles of everything recorded so far, with the histogram encoded for storage. */
    public LatencySummary summary() {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.rewind();
        buffer.get(bytes);
        return new LatencySummary(
                histogram.getTotalCount(),
                histogram.getMinValue(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getMaxValue(),
                histogram.getMean(),
                Base64.getEncoder().encodeToString(bytes));
    }
}
