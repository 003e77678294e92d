package dev.unitcost.synth;

/**
 * Symmetric int8 quantisation with one scale per row (per output channel of a linear layer, per
 * token of an embedding): {@code q = round(v / scale)}, {@code scale = max|v| / maxMagnitude}, zero point 0.
 *
 * <p>Weights that MatMulInteger multiplies use 7 bits ({@link #MATMUL_MAX_MAGNITUDE}). ONNX Runtime's
 * u8s8 integer GEMM on x86 without VNNI (AVX2, AVX-512 without VNNI) multiplies with
 * {@code vpmaddubsw}, which adds each pair of u8 × s8 products into a saturating int16: with full-range
 * weights a pair can reach 255 × 127 × 2 = 64,770 and is clipped to 32,767, so logits depend on the CPU.
 * With |q| ≤ 63 a pair is at most 255 × 63 × 2 = 32,130 and never saturates; VNNI
 * ({@code vpdpbusd}) and the exact reference then compute the same integers. This is what ONNX Runtime's
 * {@code quantize_dynamic(reduce_range=True)} does for the same reason.
 */
public final class Int8Rows {

    /** Largest |q| of a weight MatMulInteger multiplies: 7 bits, so no kernel's int16 pair sum can saturate. */
    public static final int MATMUL_MAX_MAGNITUDE = 63;

    /** Largest |q| of a table that is only gathered (the int8 embedding): the full symmetric range. */
    public static final int GATHER_MAX_MAGNITUDE = 127;

    /** Largest u8 activation DynamicQuantizeLinear produces. */
    public static final int MAX_ACTIVATION = 255;

    /** Largest sum an int16 lane holds; a pair of products beyond it saturates in {@code vpmaddubsw}. */
    public static final int INT16_MAX = Short.MAX_VALUE;

    private Int8Rows() {}

    /**
     * Quantises {@code row[off .. off+len)} into {@code out[outOff ..]} with values in
     * {@code [-maxMagnitude, maxMagnitude]}; returns the scale.
     */
    public static float quantizeRow(float[] row, int off, int len, byte[] out, int outOff, int maxMagnitude) {
        if (maxMagnitude < 1 || maxMagnitude > 127) {
            throw new IllegalArgumentException("maxMagnitude must be 1..127, got " + maxMagnitude);
        }
        float amax = 0f;
        for (int k = 0; k < len; k++) {
            amax = Math.max(amax, Math.abs(row[off + k]));
        }
        float scale = amax == 0f ? 1f : amax / maxMagnitude;
        for (int k = 0; k < len; k++) {
            out[outOff + k] = (byte) Math.max(-maxMagnitude, Math.min(maxMagnitude, Math.round(row[off + k] / scale)));
        }
        return scale;
    }
}
