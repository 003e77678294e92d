package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderArchitecture.RopeScaling;
import java.io.IOException;
import java.nio.file.Path;

/** Tiny architectures for fast tests, one per family trait, and a helper to write them. */
final class TinyTwins {

    private TinyTwins() {}

    /** Qwen2-like: q/k/v bias, tied embeddings, GQA 4:2. */
    static final DecoderArchitecture QWEN = new DecoderArchitecture("qwen2", 64, 2, 4, 2, 16, 96, 512, true, true,
            1000000.0, 1e-6, 64, null);

    /** Llama-3-like: untied lm_head, no bias, Llama-3 rope scaling, GQA 4:1, one layer. */
    static final DecoderArchitecture LLAMA = new DecoderArchitecture("llama", 64, 1, 4, 1, 16, 128, 384, false, false,
            500000.0, 1e-5, 64, new RopeScaling(8.0, 1.0, 4.0, 16));

    /** Mistral-like: a sliding window of 3 tokens, shorter than the test sequences. */
    static final DecoderArchitecture MISTRAL = new DecoderArchitecture("mistral", 64, 2, 4, 2, 16, 96, 320, false, false,
            10000.0, 1e-5, 64, null, java.util.OptionalInt.of(3));

    /** Writes a twin to {@code dir}/twin and returns its graph file. */
    static Path write(DecoderArchitecture a, TwinOptions o, Path dir) throws IOException {
        TwinPlan plan = new TwinPlan(a, o);
        TwinPreset shape = new TwinPreset("tiny", "test", a, 1, 2, "float32");
        Path out = new TwinWriter(TwinWriter::fileStoreUsableBytes, TwinProgress.NONE)
                .write(plan, new TwinWriter.Description(shape.hfConfig(), null, null, 1, 2), dir.resolve("twin"));
        return out.resolve("onnx").resolve(plan.onnxFileName());
    }
}
