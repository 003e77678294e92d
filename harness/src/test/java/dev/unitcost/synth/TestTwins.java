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
}
