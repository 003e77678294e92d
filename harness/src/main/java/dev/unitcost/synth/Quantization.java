package dev.unitcost.synth;

import dev.unitcost.model.DecoderModel;
import java.util.Locale;

/** How a twin stores its linear-layer weights, and the file name an onnx-community export uses for it. */
public enum Quantization {
    /** 32-bit float weights and activations. */
    FP32,
    /** Real 16-bit float weights; activations, KV cache and logits in float16 too. */
    FP16,
    /** Int8 weights per output channel; activations quantised on the fly (DynamicQuantizeLinear + MatMulInteger). */
    INT8,
    /** 4-bit weights in blocks (com.microsoft MatMulNBits), float32 activations. */
    INT4;

    /** The graph's file name inside the export's {@code onnx/} directory. */
    public String fileName() {
        return DecoderModel.FILES.get(this == INT4 ? "q4" : label()).get(0);
    }

    /** Lower-case label used on the command line and in twin.json. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether activations, KV cache and logits are float16 rather than float32. */
    public boolean halfActivations() {
        return this == FP16;
    }
}
