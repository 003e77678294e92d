package dev.unitcost.run;

import dev.unitcost.metrics.Spread;
import dev.unitcost.workload.Adaptive;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Decides, after each repetition of a point, whether it needs another ({@link Adaptive}): always the
 * workload's minimum; then, unless repetitions are fixed, until the 95% interval of the central
 * figure's mean is within the target, the maximum count is reached, or the point's time is up.
 */
final class Repeats {

    /** Why a point stopped repeating, as the report records it. */
    static final String FIXED = "fixed count";
    static final String TARGET = "interval within target";
    static final String MAX = "maximum repetitions";
    static final String TIME = "time cap";
    static final String INTERRUPTED = "interrupted";
    /** The status of a point the run stopped before. */
    static final String NOT_RUN = "not run: interrupted";

    private final int minimum;
    private final Adaptive adaptive;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final java.util.function.BooleanSupplier stopRequested;

    /** Starts the point's clock now. */
    Repeats(int minimum, Adaptive adaptive, LongSupplier nanoTime, java.util.function.BooleanSupplier stopRequested) {
        this.minimum = minimum;
        this.adaptive = adaptive;
        this.nanoTime = nanoTime;
        this.stopRequested = stopRequested;
        this.startNanos = nanoTime.getAsLong();
    }

    /** The most repetitions this point can get, for progress lines. */
    int atMost() {
        return adaptive.fixed() ? minimum : Math.max(minimum, adaptive.maxRepetitions());
    }

    /**
     * Why to stop after these repetitions' central figures, or null to run another.
     *
     * @param central one value per repetition so far (tokens/s)
     */
    String stopReason(List<Double> central) {
        int n = central.size();
        if (stopRequested.getAsBoolean()) {
            return INTERRUPTED;
        }
        if (n < minimum) {
            return null;
        }
        if (adaptive.fixed()) {
            return FIXED;
        }
        Double ci = central.size() < 2 ? null : Spread.of(central).ci95HalfWidthFraction();
        if (ci != null && ci <= adaptive.targetCi()) {
            return TARGET;
        }
        if (n >= adaptive.maxRepetitions()) {
            return MAX;
        }
        if (nanoTime.getAsLong() - startNanos >= (long) (adaptive.maxPointSeconds() * 1e9)) {
            return TIME;
        }
        return null;
    }
}
