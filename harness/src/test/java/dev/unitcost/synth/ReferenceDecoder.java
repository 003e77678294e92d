package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-Java forward pass of the decoder a twin describes, accumulated in double: RMSNorm, RoPE
 * (half rotation), grouped-query attention over a growing KV cache, SwiGLU. The control against
 * which the ONNX graphs are checked; deliberately naive.
 */
final class ReferenceDecoder {

    private final DecoderArchitecture a;
    private final ReferenceWeights w;
    private final double[] invFreq;
    /** keys.get(layer).get(position)[kvHead * headDim + d], after RoPE. */
    private final List<List<double[]>> keys = new ArrayList<>();
    private final List<List<double[]>> values = new ArrayList<>();

    ReferenceDecoder(DecoderArchitecture a, ReferenceWeights w) {
        this.a = a;
        this.w = w;
        this.invFreq = Rope.inverseFrequencies(a);
        for (int i = 0; i < a.layers(); i++) {
            keys.add(new ArrayList<>());
            values.add(new ArrayList<>());
        }
    }

    /** Feeds tokens at the next positions; returns their logits [token][vocab]. */
    double[][] forward(long... tokens) {
        double[][] logits = new double[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            logits[t] = step(tokens[t]);
        }
        return logits;
    }

    private double[] step(long token) {
        int pos = keys.get(0).size();
        double[] h = new double[a.hidden()];
        float[] emb = w.embedding();
        for (int j = 0; j < a.hidden(); j++) {
            h[j] = emb[(int) token * a.hidden() + j];
        }
        for (int i = 0; i < a.layers(); i++) {
            String l = TwinParameters.layer(i);
            double[] x = rmsNorm(h, w.vector(l + "input_layernorm.weight"));
            double[] q = linear(x, l + "self_attn.q_proj");
            double[] k = linear(x, l + "self_attn.k_proj");
            double[] v = linear(x, l + "self_attn.v_proj");
            rope(q, a.heads(), pos);
            rope(k, a.kvHeads(), pos);
            keys.get(i).add(k);
            values.get(i).add(v);
            double[] attn = attention(i, q);
            add(h, matVec(w.matrix(l + "self_attn.o_proj.weight"), attn, a.hidden()));
            double[] y = rmsNorm(h, w.vector(l + "post_attention_layernorm.weight"));
            double[] gate = linear(y, l + "mlp.gate_proj");
            double[] up = linear(y, l + "mlp.up_proj");
            for (int j = 0; j < gate.length; j++) {
                gate[j] = gate[j] / (1 + Math.exp(-gate[j])) * up[j];
            }
            add(h, matVec(w.matrix(l + "mlp.down_proj.weight"), gate, a.hidden()));
        }
        double[] x = rmsNorm(h, w.vector("model.norm.weight"));
        return matVec(w.lmHead(), x, a.vocab());
    }

    private double[] attention(int layer, double[] q) {
        int hd = a.headDim();
        List<double[]> ks = keys.get(layer);
        List<double[]> vs = values.get(layer);
        double[] out = new double[a.qWidth()];
        double scale = 1 / Math.sqrt(hd);
        for (int head = 0; head < a.heads(); head++) {
            int kvHead = head / a.groupSize();
            double[] scores = new double[ks.size()];
            double max = Double.NEGATIVE_INFINITY;
            int query = ks.size() - 1;
            int first = Math.max(0, query - a.slidingWindow().orElse(Integer.MAX_VALUE) + 1);
            for (int p = 0; p < ks.size(); p++) {
                if (p < first) {
                    scores[p] = Double.NEGATIVE_INFINITY; // outside the sliding window
                    continue;
                }
                double s = 0;
                for (int d = 0; d < hd; d++) {
                    s += q[head * hd + d] * ks.get(p)[kvHead * hd + d];
                }
                scores[p] = s * scale;
                max = Math.max(max, scores[p]);
            }
            double sum = 0;
            for (int p = 0; p < scores.length; p++) {
                scores[p] = p < first ? 0 : Math.exp(scores[p] - max);
                sum += scores[p];
            }
            for (int p = 0; p < scores.length; p++) {
                for (int d = 0; d < hd; d++) {
                    out[head * hd + d] += scores[p] / sum * vs.get(p)[kvHead * hd + d];
                }
            }
        }
        return out;
    }

    private void rope(double[] x, int heads, int pos) {
        int hd = a.headDim();
        int half = hd / 2;
        for (int head = 0; head < heads; head++) {
            int base = head * hd;
            for (int i = 0; i < half; i++) {
                double c = Math.cos(pos * invFreq[i]);
                double s = Math.sin(pos * invFreq[i]);
                double x1 = x[base + i];
                double x2 = x[base + half + i];
                x[base + i] = x1 * c - x2 * s;
                x[base + half + i] = x2 * c + x1 * s;
            }
        }
    }

    private double[] linear(double[] x, String module) {
        float[] m = w.matrix(module + ".weight");
        int out = m.length / x.length;
        double[] y = matVec(m, x, out);
        if (a.qkvBias() && module.contains("self_attn.") && !module.endsWith("o_proj")) {
            float[] b = w.vector(module + ".bias");
            for (int j = 0; j < out; j++) {
                y[j] += b[j];
            }
        }
        return y;
    }

    private double[] rmsNorm(double[] x, float[] weight) {
        double ss = 0;
        for (double v : x) {
            ss += v * v;
        }
        double inv = 1 / Math.sqrt(ss / x.length + a.rmsNormEps());
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] * inv * weight[j];
        }
        return y;
    }

    /** {@code m} is [out, in] row-major (Hugging Face layout). */
    private static double[] matVec(float[] m, double[] x, int out) {
        double[] y = new double[out];
        for (int r = 0; r < out; r++) {
            double s = 0;
            int base = r * x.length;
            for (int c = 0; c < x.length; c++) {
                s += m[base + c] * x[c];
            }
            y[r] = s;
        }
        return y;
    }

    private static void add(double[] h, double[] delta) {
        for (int j = 0; j < h.length; j++) {
            h[j] += delta[j];
        }
    }
}
