package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.TwinOptions.Attention;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ONNX Runtime's output on written tiny twins against the plain-Java reference, prefill then a cached decode step. */
class TwinParityTest {

    private static final long[] PROMPT = {5, 17, 301, 42, 7, 99};
    private static final long NEXT = 123;

    static Stream<Arguments> fp32Cases() {
        return Stream.of(
                Arguments.of(TinyTwins.QWEN, Attention.GQA),
                Arguments.of(TinyTwins.QWEN, Attention.STANDARD),
                Arguments.of(TinyTwins.LLAMA, Attention.GQA),
                Arguments.of(TinyTwins.LLAMA, Attention.STANDARD),
                Arguments.of(TinyTwins.MISTRAL, Attention.GQA),
                Arguments.of(TinyTwins.MISTRAL, Attention.STANDARD));
    }

    /** Each fp32 case with last-position logits (the default) and with every position's. */
    static Stream<Arguments> fp32CasesBothLogits() {
        return fp32Cases().flatMap(c -> Stream.of(true, false).map(last -> Arguments.of(c.get()[0], c.get()[1], last)));
    }

    @ParameterizedTest
    @MethodSource("fp32CasesBothLogits")
    void fp32MatchesReferenceWithin1e4(DecoderArchitecture a, Attention attention, boolean lastTokenLogits, @TempDir Path dir)
            throws Exception {
        TwinOptions o = TwinOptions.defaults(Quantization.FP32, 7).withAttention(attention).withLastTokenLogits(lastTokenLogits);
        double err = maxError(a, o, dir);
        assertTrue(err <= 1e-4, "max |logit error| " + err);
    }

    @ParameterizedTest
    @MethodSource("fp32Cases")
    void int4ExactActivationsMatchDequantisedReference(DecoderArchitecture a, Attention attention, @TempDir Path dir)
            throws Exception {
        // accuracy level 0 computes in float with the dequantised weights: the packing must be exact for this to hold
        TwinOptions o = TwinOptions.defaults(Quantization.INT4, 11).withAttention(attention).withAccuracyLevel(0);
        double err = maxError(a, o, dir);
        assertTrue(err <= 1e-4, "max |logit error| " + err);
    }

    /** Each quantised case with last-position logits (the default) and with every position's. */
    static Stream<Arguments> quantisedCases() {
        return quantisedDefaults().flatMap(c -> Stream.of(true, false)
                .map(last -> Arguments.of(c.get()[0], ((TwinOptions) c.get()[1]).withLastTokenLogits(last))));
    }

    private static Stream<Arguments> quantisedDefaults() {
        return Stream.of(
                Arguments.of(TinyTwins.QWEN, TwinOptions.defaults(Quantization.INT4, 3)),
                Arguments.of(TinyTwins.LLAMA, TwinOptions.defaults(Quantization.INT4, 3).withBlockSize(128)),
                Arguments.of(TinyTwins.QWEN, TwinOptions.defaults(Quantization.INT8, 3)),
                Arguments.of(TinyTwins.LLAMA, TwinOptions.defaults(Quantization.INT8, 3).withAttention(Attention.STANDARD)),
                Arguments.of(TinyTwins.QWEN, TwinOptions.defaults(Quantization.FP16, 3)),
                Arguments.of(TinyTwins.LLAMA, TwinOptions.defaults(Quantization.FP16, 3).withAttention(Attention.STANDARD)));
    }

    /**
     * Int8 and int4 at accuracy level 4 quantise activations too (fp16 rounds them), so logits differ from the
     * dequantised reference by a few hundredths. The argmax must agree wherever the reference is
     * not a near-tie (top-2 gap under {@link #NEAR_TIE}), and at least half the positions must be decisive.
     */
    @ParameterizedTest
    @MethodSource("quantisedCases")
    void quantisedGivesReferenceArgmax(DecoderArchitecture a, TwinOptions o, @TempDir Path dir) throws Exception {
        Path onnx = TinyTwins.write(a, o, dir);
        ReferenceDecoder ref = new ReferenceDecoder(a, new ReferenceWeights(a, o));
        double[][] expected = concat(concat(concat(emitted(ref.forward(PROMPT), o), ref.forward(NEXT)), ref.forward(9)),
                ref.forward(250));
        try (OrtDecoder ort = new OrtDecoder(onnx, a, o.quantization().halfActivations())) {
            float[][] actual = concat(concat(concat(ort.run(PROMPT), ort.run(NEXT)), ort.run(9)), ort.run(250));
            assertEquals(expected.length, actual.length, "logit rows");
            int decisive = 0;
            for (int t = 0; t < expected.length; t++) {
                double[] sorted = expected[t].clone();
                java.util.Arrays.sort(sorted);
                double gap = sorted[sorted.length - 1] - sorted[sorted.length - 2];
                for (int v = 0; v < a.vocab(); v++) {
                    assertTrue(Math.abs(expected[t][v] - actual[t][v]) <= 0.25, "logit error at " + t + "," + v);
                }
                if (gap >= NEAR_TIE) {
                    decisive++;
                    assertEquals(argmax(expected[t]), argmax(actual[t]), "argmax at position " + t + " (gap " + gap + ")");
                }
            }
            assertTrue(2 * decisive >= expected.length, "too few decisive positions: " + decisive);
        }
    }

    private static final double NEAR_TIE = 0.1;

    @ParameterizedTest
    @MethodSource("fp32Cases")
    void presentCacheHasOptimumLayout(DecoderArchitecture a, Attention attention, @TempDir Path dir) throws Exception {
        Path onnx = TinyTwins.write(a, TwinOptions.defaults(Quantization.FP32, 1).withAttention(attention), dir);
        try (OrtDecoder ort = new OrtDecoder(onnx, a, false)) {
            ort.run(PROMPT);
            ort.run(NEXT);
            assertArrayEquals(new long[] {1, a.kvHeads(), PROMPT.length + 1, a.headDim()}, ort.presentShape(0));
        }
    }

    private static double maxError(DecoderArchitecture a, TwinOptions o, Path dir) throws Exception {
        Path onnx = TinyTwins.write(a, o, dir);
        ReferenceDecoder ref = new ReferenceDecoder(a, new ReferenceWeights(a, o));
        double[][] expected = concat(emitted(ref.forward(PROMPT), o), ref.forward(NEXT));
        try (OrtDecoder ort = new OrtDecoder(onnx, a, o.quantization().halfActivations())) {
            float[][] prefill = ort.run(PROMPT);
            float[][] decode = ort.run(NEXT);
            assertEquals(o.lastTokenLogits() ? 1 : PROMPT.length, prefill.length, "prefill logit rows");
            assertEquals(1, decode.length);
            float[][] actual = concat(prefill, decode);
            double max = 0;
            for (int t = 0; t < expected.length; t++) {
                for (int v = 0; v < a.vocab(); v++) {
                    max = Math.max(max, Math.abs(expected[t][v] - actual[t][v]));
                }
            }
            return max;
        }
    }

    /** The rows of a prefill's reference logits that the twin's graph emits: the last only, or all. */
    static double[][] emitted(double[][] prefill, TwinOptions o) {
        return o.lastTokenLogits() ? new double[][] {prefill[prefill.length - 1]} : prefill;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static double[][] concat(double[][] x, double[][] y) {
        return Stream.concat(Stream.of(x), Stream.of(y)).toArray(double[][]::new);
    }

    static float[][] concat(float[][] x, float[][] y) {
        return Stream.concat(Stream.of(x), Stream.of(y)).toArray(float[][]::new);
    }
}
