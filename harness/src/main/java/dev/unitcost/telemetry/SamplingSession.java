package dev.unitcost.telemetry;

/**
 * A running sampler. {@link #stop()} joins the background thread and returns everything it
 * read; {@link #close()} stops it if still running (idempotent). Safe to call {@link #mark}
 * from the measuring thread while the sampler runs.
 */
public interface SamplingSession extends AutoCloseable {

    /** Records that the run entered {@code phase} now ({@code warmup}, {@code measure}, …). */
    void mark(String phase);

    /** Stops sampling and returns the trace. A second call returns the same trace. */
    TelemetryTrace stop();

    @Override
    default void close() {
        stop();
    }
}
