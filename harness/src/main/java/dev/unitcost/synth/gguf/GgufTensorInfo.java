package dev.unitcost.synth.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a GGUF tensor table.
 *
 * @param name the tensor's llama.cpp name ({@code blk.0.attn_q.weight})
 * @param dims the dimensions in ggml order: the row length first (a Hugging Face {@code [out, in]} weight is
 *     {@code [in, out]} here)
 * @param type how its values are stored
 * @param offset where its bytes start, from the start of the data section (a multiple of the alignment)
 */
public record GgufTensorInfo(String name, long[] dims, GgmlType type, long offset) {

    public GgufTensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = dims.clone();
        if (dims.length == 0 || dims.length > 4 || Arrays.stream(dims).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException(name + ": 1 to 4 positive dimensions, got " + Arrays.toString(dims));
        }
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Number of values. */
    public long elements() {
        return Arrays.stream(dims).reduce(1, Math::multiplyExact);
    }

    /** Bytes of its data. */
    public long bytes() {
        return type.rowBytes(dims[0]) * (elements() / dims[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo t && name.equals(t.name) && Arrays.equals(dims, t.dims) && type == t.type
                && offset == t.offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(dims), type, offset);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(dims) + " @" + offset;
    }
}
