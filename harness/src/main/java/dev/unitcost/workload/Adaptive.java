package dev.unitcost.workload;

/**
 * How many repetitions a point gets: at least the workload's {@code repetitions}, then more until the
 * 95% confidence interval of the point's central figure (the mean of its repetitions) is within
 * {@code targetCi} of it, or {@code maxRepetitions} or {@code maxPointSeconds} is reached. Noisy
 * machines get more repetitions, quiet ones no more than they need (JMH's iterations and AIPerf's
 * multi-run intervals are the model).
 *
 * @param targetCi relative half-width of the 95% interval to stop at (0.03 = ±3%); 0 repeats exactly {@code repetitions} times
 * @param maxRepetitions repetitions never exceed this
 * @param maxPointSeconds no new repetition starts after a point has measured this long
 */
public record Adaptive(double targetCi, int maxRepetitions, double maxPointSeconds) {

    /** ±3%, at most 10 repetitions, 60 s a point. */
    public static final Adaptive DEFAULT = new Adaptive(0.03, 10, 60);

    public Adaptive {
        if (!(targetCi >= 0 && targetCi < 1)) {
            throw new IllegalArgumentException("adaptive.targetCi must be in [0, 1), got " + targetCi);
        }
        if (maxRepetitions < 1) {
            throw new IllegalArgumentException("adaptive.maxRepetitions must be >= 1, got " + maxRepetitions);
        }
        if (!(maxPointSeconds > 0)) {
            throw new IllegalArgumentException("adaptive.maxPointSeconds must be > 0, got " + maxPointSeconds);
        }
    }

    /** Whether repetitions stop at the workload's count. */
    public boolean fixed() {
        return targetCi == 0;
    }

    public Adaptive withTargetCi(double newTargetCi) {
        return new Adaptive(newTargetCi, maxRepetitions, maxPointSeconds);
    }

    public Adaptive withMaxRepetitions(int newMax) {
        return new Adaptive(targetCi, newMax, maxPointSeconds);
    }
}
