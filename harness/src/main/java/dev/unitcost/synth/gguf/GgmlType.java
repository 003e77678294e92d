package dev.unitcost.synth.gguf;

/**
 * The ggml tensor types a GGUF twin uses, with ggml's type ids and block layouts: a quantised type
 * stores its values in blocks of {@link #blockSize()} along a row, {@link #typeSize()} bytes each.
 */
public enum GgmlType {
    /** 32-bit float. */
    F32(0, 1, 4),
    /** IEEE binary16. */
    F16(1, 1, 2),
    /** 32 values: a float16 scale d and 16 bytes of 4-bit levels q, value = (q - 8) × d. */
    Q4_0(2, 32, 2 + 16),
    /** 32 values: a float16 scale d and 32 signed bytes q, value = q × d. */
    Q8_0(8, 32, 2 + 32);

    private final int id;
    private final int blockSize;
    private final int typeSize;

    GgmlType(int id, int blockSize, int typeSize) {
        this.id = id;
        this.blockSize = blockSize;
        this.typeSize = typeSize;
    }

    /** ggml's number for the type, as a GGUF tensor info stores it. */
    public int id() {
        return id;
    }

    /** Values per block (1 for the float types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int typeSize() {
        return typeSize;
    }

    /** Bytes of one row of {@code rowLength} values; the row length must be a whole number of blocks. */
    public long rowBytes(long rowLength) {
        if (rowLength % blockSize != 0) {
            throw new IllegalArgumentException(this + " needs rows of a multiple of " + blockSize + " values, got " + rowLength);
        }
        return rowLength / blockSize * typeSize;
    }

    /** The type with ggml id {@code id}, or null for one a twin never writes. */
    public static GgmlType byId(long id) {
        for (GgmlType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }
}
