package dev.unitcost.synth;

/**
 * Symmetric 4-bit block quantisation in com.microsoft MatMulNBits' layout: for each output row,
 * blocks of {@code blockSize} input values share one float scale; a value is stored as
 * {@code q = clamp(round(v / scale), -8, 7) + 8} (the operator's default zero point is 8), two
 * per byte, the even element in the low nibble. A row whose length is not a multiple of the block
 * size is padded with zeros.
 */
public final class Int4Blocks {

    private Int4Blocks() {}

    /** Blocks per row. */
    public static int blocks(int rowLength, int blockSize) {
        return (rowLength + blockSize - 1) / blockSize;
    }

    /** Packed bytes per row. */
    public static int packedBytes(int rowLength, int blockSize) {
        return blocks(rowLength, blockSize) * blockSize / 2;
    }

    /**
     * Quantises one row.
     *
     * @param packed receives {@link #packedBytes} bytes at {@code packedOff}
     * @param scales receives {@link #blocks} scales at {@code scaleOff}
     */
    public static void quantizeRow(float[] row, int rowOff, int rowLength, int blockSize,
            byte[] packed, int packedOff, float[] scales, int scaleOff) {
        int blocks = blocks(rowLength, blockSize);
        for (int b = 0; b < blocks; b++) {
            int start = b * blockSize;
            int end = Math.min(rowLength, start + blockSize);
            float amax = 0f;
            for (int k = start; k < end; k++) {
                amax = Math.max(amax, Math.abs(row[rowOff + k]));
            }
            float scale = amax == 0f ? 1f : amax / 7f;
            scales[scaleOff + b] = scale;
            for (int k = start; k < start + blockSize; k += 2) {
                int lo = k < end ? level(row[rowOff + k], scale) : 8;
                int hi = k + 1 < end ? level(row[rowOff + k + 1], scale) : 8;
                packed[packedOff + k / 2] = (byte) (lo | (hi << 4));
            }
        }
    }

    /** The value MatMulNBits computes with for element {@code k} of a packed row. */
    public static float dequantize(byte[] packed, int packedOff, float[] scales, int scaleOff, int k, int blockSize) {
        int b = packed[packedOff + k / 2] & 0xff;
        int q = (k & 1) == 0 ? b & 0x0f : b >>> 4;
        return (q - 8) * scales[scaleOff + k / blockSize];
    }

    private static int level(float v, float scale) {
        int q = Math.round(v / scale);
        return Math.max(-8, Math.min(7, q)) + 8;
    }
}
