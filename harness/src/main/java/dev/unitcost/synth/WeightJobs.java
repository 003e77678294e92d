package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.WeightSource.Spread;
import dev.unitcost.model.onnx.OnnxProto.TensorProto.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The jobs that write a twin's tensors. Each generates a bounded block of rows at a time (about
 * {@link #BLOCK_ELEMENTS} values), so memory stays small whatever the model's size.
 */
final class WeightJobs {

    /** Values generated at a time: 4 Mi floats, 16 MiB. */
    static final int BLOCK_ELEMENTS = 1 << 22;

    private WeightJobs() {}

    static int rowsPerBlock(long rows, int cols) {
        return (int) Math.max(1, Math.min(rows, BLOCK_ELEMENTS / cols));
    }

    static int elementBytes(int dataType) {
        return dataType == DataType.FLOAT16_VALUE ? 2 : dataType == DataType.FLOAT_VALUE ? 4 : 1;
    }

    /**
     * A float or float16 matrix from the HF tensor {@code source} ({@code [rows, cols]}); stored
     * transposed ({@code [cols, rows]}, as MatMul wants a linear weight) when {@code transposed}.
     */
    static WeightJob dense(WeightSource src, String name, String source, Spread spread, int rows, int cols,
            boolean transposed, int dataType) {
        return dense(src, name, source, spread, rows, cols, transposed, dataType,
                transposed ? new long[] {cols, rows} : new long[] {rows, cols});
    }

    private static WeightJob dense(WeightSource src, String name, String source, Spread spread, int rows, int cols,
            boolean transposed, int dataType, long[] dims) {
        int eb = elementBytes(dataType);
        ExternalTensor t = new ExternalTensor(name, dataType, dims, (long) rows * cols * eb);
        return new WeightJob() {
            @Override
            public List<ExternalTensor> tensors() {
                return List.of(t);
            }

            @Override
            public void write(Sink sink) throws IOException {
                int block = rowsPerBlock(rows, cols);
                for (int r0 = 0; r0 < rows; r0 += block) {
                    int n = Math.min(block, rows - r0);
                    float[] v = src.rows(source, r0, n, cols, spread);
                    if (!transposed) {
                        sink.write(t, (long) r0 * cols * eb, encode(v, 0, v.length, 1, dataType));
                    } else {
                        for (int c = 0; c < cols; c++) {
                            sink.write(t, ((long) c * rows + r0) * eb, encode(v, c, n, cols, dataType));
                        }
                    }
                }
            }
        };
    }

    /** A 1-D float or float16 vector (norm weights, biases). */
    static WeightJob vector(WeightSource src, String name, Spread spread, int length, int dataType) {
        return dense(src, name, name, spread, 1, length, false, dataType, new long[] {length});
    }

    /**
     * Int8 per-row quantisation of the HF tensor {@code source} ({@code [rows, cols]}) to
     * {@code [-maxMagnitude, maxMagnitude]} (see {@link Int8Rows}): tensors {@code name_quantized}
     * (transposed when asked), {@code name_scale} [rows] and, for MatMulInteger, {@code name_zero_point}
     * [rows] of zeros.
     */
    static WeightJob int8(WeightSource src, String name, String source, Spread spread, int rows, int cols,
            boolean transposed, boolean zeroPoints, int maxMagnitude) {
        ExternalTensor q = new ExternalTensor(name + "_quantized", DataType.INT8_VALUE,
                transposed ? new long[] {cols, rows} : new long[] {rows, cols}, (long) rows * cols);
        ExternalTensor s = new ExternalTensor(name + "_scale", DataType.FLOAT_VALUE, new long[] {rows}, 4L * rows);
        ExternalTensor z = new ExternalTensor(name + "_zero_point", DataType.INT8_VALUE, new long[] {rows}, rows);
        return new WeightJob() {
            @Override
            public List<ExternalTensor> tensors() {
                return zeroPoints ? List.of(q, s, z) : List.of(q, s);
            }

            @Override
            public void write(Sink sink) throws IOException {
                int block = rowsPerBlock(rows, cols);
                for (int r0 = 0; r0 < rows; r0 += block) {
                    int n = Math.min(block, rows - r0);
                    float[] v = src.rows(source, r0, n, cols, spread);
                    byte[] bytes = new byte[n * cols];
                    ByteBuffer scales = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
                    for (int r = 0; r < n; r++) {
                        scales.putFloat(Int8Rows.quantizeRow(v, r * cols, cols, bytes, r * cols, maxMagnitude));
                    }
                    sink.write(s, 4L * r0, scales.flip());
                    if (zeroPoints) {
                        sink.write(z, r0, ByteBuffer.wrap(new byte[n]));
                    }
                    if (!transposed) {
                        sink.write(q, (long) r0 * cols, ByteBuffer.wrap(bytes));
                    } else {
                        byte[] column = new byte[n];
                        for (int c = 0; c < cols; c++) {
                            for (int r = 0; r < n; r++) {
                                column[r] = bytes[r * cols + c];
                            }
                            sink.write(q, (long) c * rows + r0, ByteBuffer.wrap(column));
                        }
                    }
                }
            }
        };
    }

    /**
     * MatMulNBits weights from the HF tensor {@code source} ({@code [rows = N, cols = K]}):
     * {@code name_Q4} uint8 [N, blocks, blockSize/2] and {@code name_scales} float [N × blocks].
     */
    static WeightJob int4(WeightSource src, String name, String source, Spread spread, int rows, int cols, int blockSize) {
        int blocks = Int4Blocks.blocks(cols, blockSize);
        int rowBytes = Int4Blocks.packedBytes(cols, blockSize);
        ExternalTensor q = new ExternalTensor(name + "_Q4", DataType.UINT8_VALUE,
                new long[] {rows, blocks, blockSize / 2}, (long) rows * rowBytes);
        ExternalTensor s = new ExternalTensor(name + "_scales", DataType.FLOAT_VALUE,
                new long[] {(long) rows * blocks}, 4L * rows * blocks);
        return new WeightJob() {
            @Override
            public List<ExternalTensor> tensors() {
                return List.of(q, s);
            }

            @Override
            public void write(Sink sink) throws IOException {
                int block = rowsPerBlock(rows, cols);
                for (int r0 = 0; r0 < rows; r0 += block) {
                    int n = Math.min(block, rows - r0);
                    float[] v = src.rows(source, r0, n, cols, spread);
                    byte[] packed = new byte[n * rowBytes];
                    float[] scales = new float[n * blocks];
                    for (int r = 0; r < n; r++) {
                        Int4Blocks.quantizeRow(v, r * cols, cols, blockSize, packed, r * rowBytes, scales, r * blocks);
                    }
                    sink.write(q, (long) r0 * rowBytes, ByteBuffer.wrap(packed));
                    sink.write(s, 4L * r0 * blocks, encode(scales, 0, scales.length, 1, DataType.FLOAT_VALUE));
                }
            }
        };
    }

    /** Rotary tables {@code cos_cache} and {@code sin_cache}, [maxPositions, headDim/2]. */
    static WeightJob rope(DecoderArchitecture a, int dataType) {
        int half = a.headDim() / 2;
        int eb = elementBytes(dataType);
        long[] dims = {a.maxPositions(), half};
        ExternalTensor cos = new ExternalTensor("cos_cache", dataType, dims, (long) a.maxPositions() * half * eb);
        ExternalTensor sin = new ExternalTensor("sin_cache", dataType, dims, (long) a.maxPositions() * half * eb);
        double[] inv = Rope.inverseFrequencies(a);
        return new WeightJob() {
            @Override
            public List<ExternalTensor> tensors() {
                return List.of(cos, sin);
            }

            @Override
            public void write(Sink sink) throws IOException {
                int block = rowsPerBlock(a.maxPositions(), half);
                for (int p0 = 0; p0 < a.maxPositions(); p0 += block) {
                    int n = Math.min(block, a.maxPositions() - p0);
                    float[] c = new float[n * half];
                    float[] s = new float[n * half];
                    for (int p = 0; p < n; p++) {
                        for (int i = 0; i < half; i++) {
                            double angle = (double) (p0 + p) * inv[i];
                            c[p * half + i] = (float) Math.cos(angle);
                            s[p * half + i] = (float) Math.sin(angle);
                        }
                    }
                    sink.write(cos, (long) p0 * half * eb, encode(c, 0, c.length, 1, dataType));
                    sink.write(sin, (long) p0 * half * eb, encode(s, 0, s.length, 1, dataType));
                }
            }
        };
    }

    /** {@code count} values from {@code v[first], v[first+stride], ...} as little-endian float or float16. */
    static ByteBuffer encode(float[] v, int first, int count, int stride, int dataType) {
        boolean half = dataType == DataType.FLOAT16_VALUE;
        ByteBuffer b = ByteBuffer.allocate(count * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0, k = first; i < count; i++, k += stride) {
            if (half) {
                b.putShort(Half.fromFloat(v[k]));
            } else {
                b.putFloat(v[k]);
            }
        }
        return b.flip();
    }
}
