package dev.unitcost.engine;

/** Sentence-embedding pooling shared by every engine, so engines differ only in the graph run. */
public final class Pooling {

    private Pooling() {}

    /**
     * Mean over the tokens whose mask is 1, then L2 normalisation (sentence-transformers'
     * mean pooling). Accumulates in double.
     *
     * @param hidden {@code [batch][sequence][dim]} last hidden state
     */
    public static float[][] meanPoolNormalized(float[][][] hidden, long[][] attentionMask) {
        float[][] out = new float[hidden.length][];
        for (int b = 0; b < hidden.length; b++) {
            int dim = hidden[b][0].length;
            double[] sum = new double[dim];
            long count = 0;
            for (int t = 0; t < hidden[b].length; t++) {
                if (attentionMask[b][t] == 0) {
                    continue;
                }
                count++;
                for (int d = 0; d < dim; d++) {
                    sum[d] += hidden[b][t][d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                sum[d] /= Math.max(count, 1);
                norm += sum[d] * sum[d];
            }
            norm = Math.sqrt(norm);
            out[b] = new float[dim];
            for (int d = 0; d < dim; d++) {
                out[b][d] = (float) (norm == 0 ? 0 : sum[d] / norm);
            }
        }
        return out;
    }

    /** Flat {@code [batch*sequence*dim]} variant of {@link #meanPoolNormalized(float[][][], long[][])}. */
    public static float[][] meanPoolNormalized(float[] flat, int batch, int sequence, int dim, long[][] attentionMask) {
        return meanPoolNormalized(java.nio.FloatBuffer.wrap(flat), batch, sequence, dim, attentionMask);
    }

    /**
     * The same, read straight from a row-major {@code [batch, sequence, dim]} buffer (absolute
     * gets; the buffer's position is left alone), so an engine's output need not be copied first.
     */
    public static float[][] meanPoolNormalized(java.nio.FloatBuffer flat, int batch, int sequence, int dim, long[][] attentionMask) {
        float[][] out = new float[batch][dim];
        double[] sum = new double[dim];
        for (int b = 0; b < batch; b++) {
            java.util.Arrays.fill(sum, 0);
            long count = 0;
            for (int t = 0; t < sequence; t++) {
                if (attentionMask[b][t] == 0) {
                    continue;
                }
                count++;
                int base = (b * sequence + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += flat.get(base + d);
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                sum[d] /= Math.max(count, 1);
                norm += sum[d] * sum[d];
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < dim; d++) {
                out[b][d] = (float) (norm == 0 ? 0 : sum[d] / norm);
            }
        }
        return out;
    }
}
