package dev.unitcost.synth.gguf;

import java.util.Locale;

/**
 * The GGUF file types a twin is written in: llama.cpp's {@code general.file_type} (its {@code llama_ftype})
 * and the ggml type each tensor gets. One-dimensional tensors (norms, biases, rope factors) stay F32, as
 * llama.cpp's converter and quantiser leave them.
 */
public enum GgufQuant {
    /** Every matrix F16, as {@code convert_hf_to_gguf.py --outtype f16} writes. */
    F16(1, GgmlType.F16),
    /** Every matrix Q8_0, as {@code --outtype q8_0} or {@code llama-quantize ... Q8_0} writes. */
    Q8_0(7, GgmlType.Q8_0),
    /**
     * Matrices Q4_0, but the output projection (the token embedding when the two are tied) Q8_0: llama.cpp's
     * quantiser raises that tensor to Q6_K when its rows are a multiple of 256 values and to Q8_0 when they
     * are not (SmolLM2's 576 and Qwen2.5-0.5B's 896: Q8_0, as here; for hidden sizes such as 2048 or 4096
     * it writes Q6_K, which this writer does not implement, so those twins' output tensor is 8.5 rather than
     * 6.56 bits per value). An untied token embedding stays Q4_0, as llama.cpp's quantiser leaves it.
     */
    Q4_0(2, GgmlType.Q4_0);

    private final int fileType;
    private final GgmlType matrixType;

    GgufQuant(int fileType, GgmlType matrixType) {
        this.fileType = fileType;
        this.matrixType = matrixType;
    }

    /** llama.cpp's {@code general.file_type} number. */
    public int fileType() {
        return fileType;
    }

    /** The type of a two-dimensional weight; {@code outputProjection} for {@code output.weight} or a tied embedding. */
    public GgmlType matrixType(boolean outputProjection) {
        return this == Q4_0 && outputProjection ? GgmlType.Q8_0 : matrixType;
    }

    /** Lower-case label used on the command line and in file names ({@code q4_0}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The quantisation labelled {@code label}, or null. */
    public static GgufQuant byLabel(String label) {
        for (GgufQuant q : values()) {
            if (q.label().equalsIgnoreCase(label)) {
                return q;
            }
        }
        return null;
    }
}
