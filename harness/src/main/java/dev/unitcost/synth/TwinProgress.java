package dev.unitcost.synth;

/** Told how far writing a twin has got. Called on the writing thread; must be cheap. */
@FunctionalInterface
public interface TwinProgress {

    /** {@code doneBytes} of {@code totalBytes} weight bytes written so far. */
    void weightsWritten(long doneBytes, long totalBytes);

    TwinProgress NONE = (done, total) -> {};
}
