package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.TwinParameters.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The weights a twin's graph computes with, in Hugging Face layout, as a reference computes them:
 * the seeded values, then rounded to float16 or dequantised the way each quantisation stores them.
 */
final class ReferenceWeights {

    private final DecoderArchitecture a;
    private final TwinOptions o;
    private final WeightSource src;
    private final Map<String, Parameter> params;
    private final Map<String, float[]> cache = new HashMap<>();

    ReferenceWeights(DecoderArchitecture a, TwinOptions o) {
        this.a = a;
        this.o = o;
        this.src = new WeightSource(o.seed());
        this.params = TwinParameters.of(a).stream().collect(Collectors.toMap(Parameter::name, Function.identity()));
    }

    /** The parameter's seeded values, unquantised. */
    float[] raw(String name) {
        Parameter p = params.get(name);
        return src.rows(name, 0, p.rows(), p.cols(), p.spread());
    }

    /** Norm weights and biases: float, or float16 for an fp16 twin. */
    float[] vector(String name) {
        return cache.computeIfAbsent("v:" + name, k -> maybeHalf(raw(name)));
    }

    /** The embedding table the Gather reads. */
    float[] embedding() {
        String name = "model.embed_tokens.weight";
        return cache.computeIfAbsent("e", k -> o.quantization() == Quantization.INT8
                ? int8(raw(name), a.hidden(), Int8Rows.GATHER_MAX_MAGNITUDE) : maybeHalf(raw(name)));
    }

    /** A linear layer's effective [out, in] weights. */
    float[] matrix(String name) {
        return cache.computeIfAbsent("m:" + name, k -> effective(raw(name), params.get(name).cols()));
    }

    /** The lm_head's effective [vocab, hidden] weights (the embedding's values when tied). */
    float[] lmHead() {
        return cache.computeIfAbsent("lm", k -> effective(raw(TwinParameters.lmHeadSource(a)), a.hidden()));
    }

    private float[] effective(float[] v, int cols) {
        return switch (o.quantization()) {
            case FP32 -> v;
            case FP16 -> maybeHalf(v);
            case INT8 -> int8(v, cols, Int8Rows.MATMUL_MAX_MAGNITUDE);
            case INT4 -> int4(v, cols, o.blockSize());
        };
    }

    private float[] maybeHalf(float[] v) {
        if (o.quantization() != Quantization.FP16) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Half.toFloat(Half.fromFloat(v[i]));
        }
        return out;
    }

    /** Row-wise int8 values in {@code [-maxMagnitude, maxMagnitude]}, dequantised as the graph stores them. */
    static float[] int8(float[] v, int cols, int maxMagnitude) {
        int rows = v.length / cols;
        float[] out = new float[v.length];
        byte[] q = new byte[cols];
        for (int r = 0; r < rows; r++) {
            float scale = Int8Rows.quantizeRow(v, r * cols, cols, q, 0, maxMagnitude);
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = q[c] * scale;
            }
        }
        return out;
    }

    static float[] int4(float[] v, int cols, int blockSize) {
        int rows = v.length / cols;
        float[] out = new float[v.length];
        byte[] packed = new byte[Int4Blocks.packedBytes(cols, blockSize)];
        float[] scales = new float[Int4Blocks.blocks(cols, blockSize)];
        for (int r = 0; r < rows; r++) {
            Int4Blocks.quantizeRow(v, r * cols, cols, blockSize, packed, 0, scales, 0);
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = Int4Blocks.dequantize(packed, 0, scales, 0, c, blockSize);
            }
        }
        return out;
    }
}
