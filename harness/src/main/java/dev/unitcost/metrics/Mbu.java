package dev.unitcost.metrics;

/**
 * Decode memory-bandwidth utilisation: bytes one decode step must read (all weights once, plus
 * the KV cache of every sequence at its mean context length) per TPOT, over peak bandwidth.
 */
public final class Mbu {

    private Mbu() {}

    /**
     * @param weightBytes bytes of weights read per step
     * @param kvBytesPerToken KV bytes per token per sequence
     * @param batch sequences decoded together
     * @param meanContextTokens mean tokens in each sequence's cache during decode
     * @param tpotNanos median time per output token
     * @param peakBytesPerSecond peak memory bandwidth
     */
    public static double of(long weightBytes, long kvBytesPerToken, int batch, double meanContextTokens, double tpotNanos,
            double peakBytesPerSecond) {
        if (!(tpotNanos > 0) || !(peakBytesPerSecond > 0)) {
            throw new IllegalArgumentException("TPOT and peak bandwidth must be > 0");
        }
        double bytesPerStep = weightBytes + (double) kvBytesPerToken * batch * meanContextTokens;
        return bytesPerStep / (tpotNanos / 1e9) / peakBytesPerSecond;
    }
}
