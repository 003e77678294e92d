package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * One named series pulled out of a trace: the samples that carry it, in time order. Samples
 * that lack the series are skipped (absent is absent), so the points may be irregular.
 *
 * <p>Between points the series is taken as linear; outside them it is not extrapolated: the
 * {@link #coveredNanos covered} part of a window says how much of it the points span.
 */
record Series(String name, long[] timesNanos, double[] values) {

    Series {
        if (timesNanos.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        for (int i = 1; i < timesNanos.length; i++) {
            if (timesNanos[i] < timesNanos[i - 1]) {
                throw new IllegalArgumentException("series " + name + " is not in time order");
            }
        }
    }

    static Series of(TelemetryTrace trace, String name) {
        List<Sample> with = new ArrayList<>();
        for (Sample s : trace.samples()) {
            if (s.values().containsKey(name)) {
                with.add(s);
            }
        }
        long[] t = new long[with.size()];
        double[] v = new double[with.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = with.get(i).timeNanos();
            v[i] = with.get(i).values().get(name);
        }
        return new Series(name, t, v);
    }

    int size() {
        return timesNanos.length;
    }

    /** A new series with every value mapped (a power model applied to a load series). */
    Series map(String newName, DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return new Series(newName, timesNanos, out);
    }

    /** Nanoseconds of {@code [start, end)} that lie between the first and last point. */
    long coveredNanos(long startNanos, long endNanos) {
        if (size() < 2) {
            return 0;
        }
        long a = Math.max(startNanos, timesNanos[0]);
        long b = Math.min(endNanos, timesNanos[size() - 1]);
        return Math.max(0, b - a);
    }

    /** True when the series never goes down inside the points that bound the window. */
    boolean monotonicOver(long startNanos, long endNanos) {
        for (int i = 1; i < size(); i++) {
            boolean touches = timesNanos[i] >= startNanos && timesNanos[i - 1] <= endNanos;
            if (touches && values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The linearly interpolated value at {@code t}, clamped to the first/last point. */
    double valueAt(long t) {
        if (t <= timesNanos[0]) {
            return values[0];
        }
        int last = size() - 1;
        if (t >= timesNanos[last]) {
            return values[last];
        }
        int i = 1;
        while (timesNanos[i] < t) {
            i++;
        }
        long t0 = timesNanos[i - 1];
        long t1 = timesNanos[i];
        if (t1 == t0) {
            return values[i];
        }
        double f = (double) (t - t0) / (t1 - t0);
        return values[i - 1] + f * (values[i] - values[i - 1]);
    }

    /** Counter difference over the covered part of the window (a cumulative series). */
    double deltaOver(long startNanos, long endNanos) {
        return valueAt(endNanos) - valueAt(startNanos);
    }

    /**
     * Trapezoid integral over the covered part of {@code [start, end)}, in value-seconds (watts
     * give joules). Segments are cut at the window's edges with interpolated end values.
     */
    double integralSeconds(long startNanos, long endNanos) {
        double sum = 0;
        for (int i = 1; i < size(); i++) {
            long a = Math.max(timesNanos[i - 1], startNanos);
            long b = Math.min(timesNanos[i], endNanos);
            if (b > a) {
                sum += (valueAt(a) + valueAt(b)) / 2.0 * (b - a) / 1e9;
            }
        }
        return sum;
    }

    /** The largest value at a point inside the window, or the interpolated edge values. */
    OptionalDouble maxOver(long startNanos, long endNanos) {
        if (coveredNanos(startNanos, endNanos) == 0 && size() < 2) {
            return OptionalDouble.empty();
        }
        double max = Math.max(valueAt(startNanos), valueAt(endNanos));
        for (int i = 0; i < size(); i++) {
            if (timesNanos[i] >= startNanos && timesNanos[i] <= endNanos) {
                max = Math.max(max, values[i]);
            }
        }
        return OptionalDouble.of(max);
    }

    /**
     * Rates between successive points (a cumulative series differentiated), placed at each
     * segment's end; used for the peak watts of a counter.
     */
    Series rates(String newName) {
        int n = Math.max(0, size() - 1);
        long[] t = new long[n];
        double[] v = new double[n];
        int k = 0;
        for (int i = 1; i < size(); i++) {
            long dt = timesNanos[i] - timesNanos[i - 1];
            if (dt > 0) {
                t[k] = timesNanos[i];
                v[k] = (values[i] - values[i - 1]) / (dt / 1e9);
                k++;
            }
        }
        return new Series(newName, java.util.Arrays.copyOf(t, k), java.util.Arrays.copyOf(v, k));
    }
}
