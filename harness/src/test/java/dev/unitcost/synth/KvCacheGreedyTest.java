package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.TwinOptions.Attention;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Greedy decoding through the KV cache picks the same tokens as re-running the whole sequence each step. */
class KvCacheGreedyTest {

    private static final long[] PROMPT = {3, 14, 159, 26, 5};
    private static final int NEW_TOKENS = 8;

    /** Both attention variants, each with last-position logits (the default) and with every position's. */
    static Stream<Arguments> cases() {
        return Stream.of(Attention.values()).flatMap(att -> Stream.of(true, false).map(last -> Arguments.of(att, last)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cachedEqualsRecomputed(Attention attention, boolean lastTokenLogits, @TempDir Path dir) throws Exception {
        DecoderArchitecture a = TinyTwins.QWEN;
        Path onnx = TinyTwins.write(a, TwinOptions.defaults(Quantization.FP32, 21).withAttention(attention)
                .withLastTokenLogits(lastTokenLogits), dir);
        long[] cached = new long[NEW_TOKENS];
        try (OrtDecoder ort = new OrtDecoder(onnx, a, false)) {
            float[][] logits = ort.run(PROMPT);
            assertEquals(lastTokenLogits ? 1 : PROMPT.length, logits.length, "prefill logit rows");
            for (int i = 0; i < NEW_TOKENS; i++) {
                cached[i] = TwinParityTest.argmax(logits[logits.length - 1]);
                logits = ort.run(cached[i]);
            }
        }
        long[] recomputed = new long[NEW_TOKENS];
        long[] seq = PROMPT.clone();
        for (int i = 0; i < NEW_TOKENS; i++) {
            try (OrtDecoder fresh = new OrtDecoder(onnx, a, false)) {
                float[][] logits = fresh.run(seq);
                recomputed[i] = TwinParityTest.argmax(logits[logits.length - 1]);
            }
            seq = Arrays.copyOf(seq, seq.length + 1);
            seq[seq.length - 1] = recomputed[i];
        }
        assertArrayEquals(recomputed, cached);
        // and the reference agrees
        ReferenceDecoder ref = new ReferenceDecoder(a, new ReferenceWeights(a, TwinOptions.defaults(Quantization.FP32, 21)));
        double[][] r = ref.forward(PROMPT);
        long[] reference = new long[NEW_TOKENS];
        for (int i = 0; i < NEW_TOKENS; i++) {
            reference[i] = TwinParityTest.argmax(r[r.length - 1]);
            r = ref.forward(reference[i]);
        }
        assertArrayEquals(reference, cached);
    }
}
