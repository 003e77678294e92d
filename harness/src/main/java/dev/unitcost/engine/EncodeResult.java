package dev.unitcost.engine;

/**
 * Output of one encoder batch.
 *
 * @param embeddings {@code [batch][dim]}, mean-pooled over real tokens and L2-normalised
 * @param engineNanos wall time of the engine's own run call (excludes tensor building and pooling)
 */
public record EncodeResult(float[][] embeddings, long engineNanos) {

    public EncodeResult {
        if (engineNanos < 0) {
            throw new IllegalArgumentException("engineNanos must be >= 0, got " + engineNanos);
        }
    }
}
