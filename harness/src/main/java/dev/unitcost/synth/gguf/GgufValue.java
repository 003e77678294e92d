package dev.unitcost.synth.gguf;

import java.util.List;
import java.util.Objects;

/**
 * One typed metadata value of a GGUF file.
 *
 * @param type the value's GGUF type
 * @param elementType for an array, its elements' type; null otherwise
 * @param value a {@link Long} for the integer types (unsigned ones hold their unsigned value; a UINT64 above
 *     {@link Long#MAX_VALUE} reads negative), a {@link Double} for the float types, a {@link Boolean}, a
 *     {@link String}, or for an array a {@link List} of those
 */
public record GgufValue(Type type, Type elementType, Object value) {

    /** GGUF's value types, by their number in the file. */
    public enum Type {
        UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1), STRING(-1), ARRAY(-1),
        UINT64(8), INT64(8), FLOAT64(8);

        private final int fixedBytes;

        Type(int fixedBytes) {
            this.fixedBytes = fixedBytes;
        }

        /** Bytes of one value in the file; -1 for a string or an array. */
        public int fixedBytes() {
            return fixedBytes;
        }

        /** The type numbered {@code id} in a file, or null for none. */
        public static Type byId(long id) {
            return id >= 0 && id < values().length ? values()[(int) id] : null;
        }

        boolean integer() {
            return this != FLOAT32 && this != FLOAT64 && this != BOOL && fixedBytes > 0;
        }
    }

    public GgufValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if ((type == Type.ARRAY) != (elementType != null)) {
            throw new IllegalArgumentException("an element type goes with an array, and only with one");
        }
    }

    public static GgufValue uint32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not a uint32: " + v);
        }
        return new GgufValue(Type.UINT32, null, v);
    }

    public static GgufValue int64(long v) {
        return new GgufValue(Type.INT64, null, v);
    }

    public static GgufValue float32(double v) {
        return new GgufValue(Type.FLOAT32, null, (double) (float) v);
    }

    public static GgufValue bool(boolean v) {
        return new GgufValue(Type.BOOL, null, v);
    }

    public static GgufValue string(String v) {
        return new GgufValue(Type.STRING, null, v);
    }

    public static GgufValue strings(List<String> values) {
        return new GgufValue(Type.ARRAY, Type.STRING, List.copyOf(values));
    }

    public static GgufValue int32s(List<Long> values) {
        return new GgufValue(Type.ARRAY, Type.INT32, List.copyOf(values));
    }

    /** An integer value (any integer type). */
    public long asLong() {
        if (!type.integer()) {
            throw new IllegalStateException("not an integer: " + type);
        }
        return (Long) value;
    }

    /** A float value (FLOAT32 or FLOAT64). */
    public double asDouble() {
        if (type != Type.FLOAT32 && type != Type.FLOAT64) {
            throw new IllegalStateException("not a float: " + type);
        }
        return (Double) value;
    }

    public String asString() {
        if (type != Type.STRING) {
            throw new IllegalStateException("not a string: " + type);
        }
        return (String) value;
    }

    public boolean asBoolean() {
        if (type != Type.BOOL) {
            throw new IllegalStateException("not a bool: " + type);
        }
        return (Boolean) value;
    }

    /** An array's elements. */
    public List<?> asList() {
        if (type != Type.ARRAY) {
            throw new IllegalStateException("not an array: " + type);
        }
        return (List<?>) value;
    }
}
