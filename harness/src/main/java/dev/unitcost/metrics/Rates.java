package dev.unitcost.metrics;

/** The one place where counts over nanoseconds become rates. */
public final class Rates {

    private Rates() {}

    /** {@code count / (nanos / 1e9)}; nanos must be &gt; 0. */
    public static double perSecond(long count, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("duration must be > 0 ns, got " + nanos);
        }
        return count * 1e9 / nanos;
    }
}
