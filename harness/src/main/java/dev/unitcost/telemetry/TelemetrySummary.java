package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report keeps of one sampler's trace: per-series statistics over the measured phases,
 * the sampler's own CPU overhead, and the timeline (downsampled to at most
 * {@link #MAX_TIMELINE_POINTS} samples, evenly spaced, first and last kept).
 *
 * @param sampler sampler name
 * @param intervalNanos requested interval
 * @param sampleCount samples taken
 * @param samplerCpuNanos CPU time of the sampling thread
 * @param samplerOverheadFraction that CPU time over the sampling duration (share of one core)
 * @param series per series: min, mean, max over all samples
 * @param marks phase changes, as offsets from the start
 * @param timeline samples as offsets from the start, downsampled
 */
public record TelemetrySummary(
        String sampler,
        long intervalNanos,
        int sampleCount,
        long samplerCpuNanos,
        double samplerOverheadFraction,
        Map<String, SeriesStats> series,
        List<Mark> marks,
        List<Point> timeline) {

    public static final int MAX_TIMELINE_POINTS = 600;

    /** Min, mean and max of one series, in the series' own unit. */
    public record SeriesStats(int count, double min, double mean, double max) {}

    /** A phase change {@code offsetNanos} after sampling started. */
    public record Mark(long offsetNanos, String phase) {}

    /** One sample {@code offsetNanos} after sampling started. */
    public record Point(long offsetNanos, Map<String, Double> values) {}

    public static TelemetrySummary of(TelemetryTrace trace) {
        Map<String, double[]> acc = new TreeMap<>(); // count, sum, min, max
        for (Sample s : trace.samples()) {
            s.values().forEach((k, v) -> {
                double[] a = acc.computeIfAbsent(k, x -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                a[0]++;
                a[1] += v;
                a[2] = Math.min(a[2], v);
                a[3] = Math.max(a[3], v);
            });
        }
        Map<String, SeriesStats> series = new LinkedHashMap<>();
        acc.forEach((k, a) -> series.put(k, new SeriesStats((int) a[0], a[2], a[1] / a[0], a[3])));
        List<Mark> marks = trace.marks().stream().map(m -> new Mark(m.timeNanos() - trace.startNanos(), m.phase())).toList();
        double overhead = trace.durationNanos() == 0 ? 0 : trace.samplerCpuNanos() / (double) trace.durationNanos();
        return new TelemetrySummary(trace.sampler(), trace.intervalNanos(), trace.samples().size(),
                trace.samplerCpuNanos(), overhead, series, marks, downsample(trace));
    }

    static List<Point> downsample(TelemetryTrace trace) {
        List<Sample> samples = trace.samples();
        int n = samples.size();
        List<Point> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        int keep = Math.min(n, MAX_TIMELINE_POINTS);
        for (int i = 0; i < keep; i++) {
            int index = keep == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (keep - 1));
            Sample s = samples.get(index);
            out.add(new Point(s.timeNanos() - trace.startNanos(), s.values()));
        }
        return out;
    }
}
