package dev.unitcost.synth.gguf;

import dev.unitcost.synth.Half;

/**
 * ggml's Q8_0 and Q4_0 block encodings of a row (blocks of 32 values, each led by its float16 scale),
 * computed as ggml's reference quantisers compute them, so a twin's blocks are what llama.cpp's own
 * quantiser would write for the same floats.
 */
public final class BlockQuants {

    /** Values per block of either type. */
    public static final int BLOCK = 32;

    private BlockQuants() {}

    /**
     * Q8_0: scale d = max|x| / 127; q = round(x / d) (half away from zero), stored as signed bytes.
     *
     * @param out receives {@code length / 32 × 34} bytes at {@code outOff}
     */
    public static void q8_0(float[] x, int off, int length, byte[] out, int outOff) {
        checkLength(length);
        int o = outOff;
        for (int b = off; b < off + length; b += BLOCK) {
            float amax = 0f;
            for (int j = 0; j < BLOCK; j++) {
                amax = Math.max(amax, Math.abs(x[b + j]));
            }
            float d = amax / 127f;
            float id = d != 0f ? 1f / d : 0f;
            o = putHalf(out, o, d);
            for (int j = 0; j < BLOCK; j++) {
                out[o++] = (byte) roundHalfAway(x[b + j] * id);
            }
        }
    }

    /**
     * Q4_0: the block's value of largest magnitude m (its sign kept) gives d = m / -8; a value's level is
     * min(15, trunc(x / d + 8.5)). Byte j of the 16 holds element j in its low nibble and element j + 16
     * in its high nibble (not even/odd pairs, as ONNX Runtime's MatMulNBits packs them).
     *
     * @param out receives {@code length / 32 × 18} bytes at {@code outOff}
     */
    public static void q4_0(float[] x, int off, int length, byte[] out, int outOff) {
        checkLength(length);
        int o = outOff;
        for (int b = off; b < off + length; b += BLOCK) {
            float amax = 0f;
            float max = 0f;
            for (int j = 0; j < BLOCK; j++) {
                float v = x[b + j];
                if (amax < Math.abs(v)) {
                    amax = Math.abs(v);
                    max = v;
                }
            }
            float d = max / -8f;
            float id = d != 0f ? 1f / d : 0f;
            o = putHalf(out, o, d);
            for (int j = 0; j < BLOCK / 2; j++) {
                int lo = Math.min(15, (int) (x[b + j] * id + 8.5f));
                int hi = Math.min(15, (int) (x[b + BLOCK / 2 + j] * id + 8.5f));
                out[o++] = (byte) (lo | (hi << 4));
            }
        }
    }

    /** The value element {@code k} of a Q8_0 row decodes to. */
    public static float dequantizeQ8_0(byte[] row, int rowOff, int k) {
        int block = rowOff + k / BLOCK * GgmlType.Q8_0.typeSize();
        return row[block + 2 + k % BLOCK] * scale(row, block);
    }

    /** The value element {@code k} of a Q4_0 row decodes to. */
    public static float dequantizeQ4_0(byte[] row, int rowOff, int k) {
        int block = rowOff + k / BLOCK * GgmlType.Q4_0.typeSize();
        int j = k % BLOCK;
        int packed = row[block + 2 + j % (BLOCK / 2)] & 0xff;
        int level = j < BLOCK / 2 ? packed & 0x0f : packed >>> 4;
        return (level - 8) * scale(row, block);
    }

    private static float scale(byte[] row, int block) {
        return Half.toFloat((short) ((row[block] & 0xff) | (row[block + 1] << 8)));
    }

    private static int putHalf(byte[] out, int o, float v) {
        short h = Half.fromFloat(v);
        out[o] = (byte) h;
        out[o + 1] = (byte) (h >>> 8);
        return o + 2;
    }

    /** C's roundf: halves go away from zero. */
    private static int roundHalfAway(float v) {
        return (int) Math.copySign(Math.floor(Math.abs((double) v) + 0.5), v);
    }

    private static void checkLength(int length) {
        if (length % BLOCK != 0) {
            throw new IllegalArgumentException("a row of " + length + " values is not a whole number of " + BLOCK + "-value blocks");
        }
    }
}
