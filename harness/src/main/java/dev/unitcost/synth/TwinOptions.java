package dev.unitcost.synth;

import java.util.Objects;

/**
 * How to build a twin's graph.
 *
 * @param quantization weight format
 * @param attention which attention implementation the graph uses
 * @param blockSize MatMulNBits block size (32 or 128); only used for int4
 * @param accuracyLevel MatMulNBits accuracy_level (0 = exact float, 4 = int8 activations, the fast CPU path)
 * @param lastTokenLogits emit logits for the last position only ({@code [batch, 1, vocab]}), as serving engines
 *     compute them; false emits every position's ({@code [batch, sequence, vocab]}), which makes prefill pay
 *     for a vocabulary projection per prompt token
 * @param seed seed of the random weights
 */
public record TwinOptions(Quantization quantization, Attention attention, int blockSize, int accuracyLevel,
        boolean lastTokenLogits, long seed) {

    /** Attention implementations. */
    public enum Attention {
        /** ONNX Runtime's com.microsoft GroupQueryAttention, with com.microsoft RotaryEmbedding. */
        GQA,
        /** Standard ONNX operators only (MatMul, Softmax, Concat), runnable by any ONNX runtime. */
        STANDARD
    }

    public TwinOptions {
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(attention, "attention");
        if (blockSize != 32 && blockSize != 128) {
            throw new IllegalArgumentException("block size must be 32 or 128, got " + blockSize);
        }
        if (accuracyLevel < 0 || accuracyLevel > 4) {
            throw new IllegalArgumentException("accuracy level must be 0..4, got " + accuracyLevel);
        }
    }

    /** GQA attention, block size 32, accuracy level 4, last-position logits. */
    public static TwinOptions defaults(Quantization q, long seed) {
        return new TwinOptions(q, Attention.GQA, 32, 4, true, seed);
    }

    /** What prefill computes logits for, as {@code GenerationSession.prefillLogits()} says it: "last" or "all". */
    public String prefillLogits() {
        return lastTokenLogits ? "last" : "all";
    }

    public TwinOptions withAttention(Attention a) {
        return new TwinOptions(quantization, a, blockSize, accuracyLevel, lastTokenLogits, seed);
    }

    public TwinOptions withAccuracyLevel(int level) {
        return new TwinOptions(quantization, attention, blockSize, level, lastTokenLogits, seed);
    }

    public TwinOptions withBlockSize(int size) {
        return new TwinOptions(quantization, attention, size, accuracyLevel, lastTokenLogits, seed);
    }

    public TwinOptions withLastTokenLogits(boolean last) {
        return new TwinOptions(quantization, attention, blockSize, accuracyLevel, last, seed);
    }
}
