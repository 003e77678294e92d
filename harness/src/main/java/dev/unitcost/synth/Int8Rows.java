package dev.unitcost.synth;

/**
 * Symmetric int8 quantisation with one scale per row (per output channel of a linear layer, per
 * token of an embedding): {@code q = round(v / scale)}, {@code scale = max|v| / 127}, zero point 0.
 */
public final class Int8Rows {

    private Int8Rows() {}

    /** Quantises {@code row[off .. off+len)} into {@code out[outOff ..]}; returns the scale. */
    public static float quantizeRow(float[] row, int off, int len, byte[] out, int outOff) {
        float amax = 0f;
        for (int k = 0; k < len; k++) {
            amax = Math.max(amax, Math.abs(row[off + k]));
        }
        float scale = amax == 0f ? 1f : amax / 127f;
        for (int k = 0; k < len; k++) {
            out[outOff + k] = (byte) Math.max(-127, Math.min(127, Math.round(row[off + k] / scale)));
        }
        return scale;
    }
}
