package dev.unitcost.run;

/**
 * Live progress of a run, for people (stderr) and for telemetry phase marks. Called on the
 * measuring thread: keep implementations quick.
 */
public interface ProgressListener {

    /** The run entered a phase ({@code load}, {@code warmup}, {@code measure}, {@code idle}). */
    default void phase(String phase) {}

    /** A sweep point starts. */
    default void pointStarted(int index, int count, int batchSize) {}

    /** A repetition finished, with its throughput and what that throughput counts ({@code tokens/s}, {@code decode tokens/s}). */
    default void repetitionFinished(int batchSize, int repetition, int repetitions, double tokensPerSecond, String what) {}

    /** A point could not run. */
    default void pointFailed(int batchSize, String reason) {}

    /** A sweep point named by its load ({@code concurrency 4}, {@code rate 0.5 req/s}) starts: for points that are not batches. */
    default void pointStarted(int index, int count, String point) {}

    /** A repetition of a point named by its load finished. */
    default void repetitionFinished(String point, int repetition, int repetitions, double tokensPerSecond, String what) {}

    /** A point named by its load could not run. */
    default void pointFailed(String point, String reason) {}

    /** Work before measuring (writing a shape twin, say) advanced to {@code done} of {@code total} units. */
    default void preparing(String what, long done, long total) {}

    ProgressListener NONE = new ProgressListener() {};
}
