package dev.unitcost.engine;

import dev.unitcost.workload.TokenBatch;

/**
 * A loaded model, ready to run batches. Holds native memory: close it (idempotent).
 *
 * <p>Not thread safe: one caller at a time. Sessions never print and never time themselves
 * beyond the engine call they report in {@link EncodeResult#engineNanos()}.
 */
public interface ModelSession extends AutoCloseable {

    /** What was loaded and where it runs. */
    ModelInfo info();

    /** Runs one batch through an encoder and returns mean-pooled, L2-normalised embeddings. */
    EncodeResult encode(TokenBatch batch);

    @Override
    void close();
}
