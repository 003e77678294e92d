package dev.unitcost.synth.gguf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GGUF file says before its tensor data (GGUF version 3): the metadata key-value pairs in file
 * order and the tensor table. The data section starts at the header's end rounded up to the
 * alignment ({@code general.alignment}, 32 when absent).
 *
 * @param version the format version (3 for what this writes)
 * @param metadata the key-value pairs, in file order
 * @param tensors the tensor table, in file order
 */
public record GgufHeader(long version, Map<String, GgufValue> metadata, List<GgufTensorInfo> tensors) {

    /** "GGUF" read as a little-endian uint32. */
    public static final int MAGIC = 0x46554747;
    public static final int VERSION = 3;
    public static final int DEFAULT_ALIGNMENT = 32;

    public GgufHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** The data section's alignment. */
    public int alignment() {
        GgufValue a = metadata.get("general.alignment");
        return a == null ? DEFAULT_ALIGNMENT : (int) a.asLong();
    }

    /** A metadata value; an IllegalArgumentException naming the key when it is absent. */
    public GgufValue get(String key) {
        GgufValue v = metadata.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no metadata key " + key);
        }
        return v;
    }

    /** The header's bytes, padded with zeros to the alignment: the data section follows them. */
    public byte[] encode() {
        Out out = new Out();
        out.u32(MAGIC);
        out.u32(version);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, GgufValue> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            out.u32(kv.getValue().type().ordinal());
            if (kv.getValue().type() == GgufValue.Type.ARRAY) {
                List<?> values = kv.getValue().asList();
                out.u32(kv.getValue().elementType().ordinal());
                out.u64(values.size());
                for (Object v : values) {
                    out.value(kv.getValue().elementType(), v);
                }
            } else {
                out.value(kv.getValue().type(), kv.getValue().value());
            }
        }
        for (GgufTensorInfo t : tensors) {
            out.string(t.name());
            long[] dims = t.dims();
            out.u32(dims.length);
            for (long d : dims) {
                out.u64(d);
            }
            out.u32(t.type().id());
            out.u64(t.offset());
        }
        int align = alignment();
        while (out.size() % align != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Little-endian writes into a growing buffer. */
    private static final class Out extends ByteArrayOutputStream {
        Out() {
            super(1 << 16);
        }

        void u32(long v) {
            for (int i = 0; i < 4; i++) {
                write((int) (v >>> (8 * i)));
            }
        }

        void u64(long v) {
            for (int i = 0; i < 8; i++) {
                write((int) (v >>> (8 * i)));
            }
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            write(b, 0, b.length);
        }

        void value(GgufValue.Type type, Object v) {
            switch (type) {
                case STRING -> string((String) v);
                case BOOL -> write((Boolean) v ? 1 : 0);
                case FLOAT32 -> u32(Float.floatToRawIntBits(((Double) v).floatValue()) & 0xFFFF_FFFFL);
                case FLOAT64 -> u64(Double.doubleToRawLongBits((Double) v));
                case UINT8, INT8 -> write(((Long) v).intValue());
                case UINT16, INT16 -> {
                    write(((Long) v).intValue());
                    write(((Long) v).intValue() >>> 8);
                }
                case UINT32, INT32 -> u32((Long) v);
                case UINT64, INT64 -> u64((Long) v);
                case ARRAY -> throw new IllegalArgumentException("GGUF writers here do not nest arrays");
            }
        }
    }
}
