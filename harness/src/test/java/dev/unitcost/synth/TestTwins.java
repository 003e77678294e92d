package dev.unitcost.synth;

import java.io.IOException;
import java.nio.file.Path;

/** Tiny twins for tests in other packages. */
public final class TestTwins {

    private TestTwins() {}

    /** A tiny Qwen2-like fp32 twin written under {@code dir}; returns its model directory (config.json, onnx/). */
    public static Path tinyQwen(Path dir) throws IOException {
        return TinyTwins.write(TinyTwins.QWEN, TwinOptions.defaults(Quantization.FP32, 7), dir).getParent().getParent();
    }

    /** The same twin in int4 (onnx/model_q4.onnx, as onnx-community names it). */
    public static Path tinyQwenInt4(Path dir) throws IOException {
        return TinyTwins.write(TinyTwins.QWEN, TwinOptions.defaults(Quantization.INT4, 7), dir).getParent().getParent();
    }
}
