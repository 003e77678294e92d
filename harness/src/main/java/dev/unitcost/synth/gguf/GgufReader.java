package dev.unitcost.synth.gguf;

import dev.unitcost.InputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a GGUF file's header and tensor table (versions 2 and 3, little-endian), without its tensor data:
 * what a command needs to say what a GGUF model is, and what the tests read back a written twin with.
 * A file that is not such a GGUF is an {@link InputException} naming the file and what was wrong.
 */
public final class GgufReader {

    /** No string or array in a sane header is longer than this; a longer one means a corrupt file. */
    private static final long MAX_LENGTH = 1L << 28;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    private GgufReader(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        buf.limit(0);
    }

    /** The header of {@code file}, with the data section's offset from the file's start. */
    public record Read(GgufHeader header, long dataOffset, long fileBytes) {}

    public static Read read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            GgufReader r = new GgufReader(file, ch);
            try {
                GgufHeader h = r.header();
                long align = h.alignment();
                long dataOffset = (r.position + align - 1) / align * align;
                r.checkTensors(h, dataOffset, ch.size());
                return new Read(h, dataOffset, ch.size());
            } catch (EOFException e) {
                throw bad(file, "ends inside its header at byte " + r.position);
            }
        }
    }

    private GgufHeader header() throws IOException {
        int magic = (int) u32();
        if (magic != GgufHeader.MAGIC) {
            throw bad(file, String.format("does not start with the GGUF magic (read 0x%08x)", magic));
        }
        long version = u32();
        if (version != 2 && version != 3) {
            throw bad(file, "GGUF version " + version + "; expected 2 or 3");
        }
        long tensorCount = length("tensor count");
        long kvCount = length("metadata count");
        Map<String, GgufValue> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = string();
            GgufValue.Type type = type(u32(), key);
            GgufValue value;
            if (type == GgufValue.Type.ARRAY) {
                GgufValue.Type element = type(u32(), key);
                long n = length(key + " array length");
                List<Object> values = new ArrayList<>((int) Math.min(n, 1 << 20));
                for (long k = 0; k < n; k++) {
                    values.add(value(element, key));
                }
                value = new GgufValue(type, element, values);
            } else {
                value = new GgufValue(type, null, value(type, key));
            }
            if (metadata.put(key, value) != null) {
                throw bad(file, "metadata key " + key + " appears twice");
            }
        }
        List<GgufTensorInfo> tensors = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            String name = string();
            long nDims = u32();
            if (nDims < 1 || nDims > 4) {
                throw bad(file, "tensor " + name + " has " + nDims + " dimensions; expected 1 to 4");
            }
            long[] dims = new long[(int) nDims];
            for (int d = 0; d < nDims; d++) {
                dims[d] = u64();
            }
            long typeId = u32();
            GgmlType type = GgmlType.byId(typeId);
            if (type == null) {
                throw bad(file, "tensor " + name + " has ggml type " + typeId + ", which this reader does not know"
                        + " (it reads F32, F16, Q4_0 and Q8_0)");
            }
            long offset = u64();
            try {
                tensors.add(new GgufTensorInfo(name, dims, type, offset));
            } catch (IllegalArgumentException e) {
                throw bad(file, e.getMessage());
            }
        }
        return new GgufHeader(version, metadata, tensors);
    }

    private void checkTensors(GgufHeader h, long dataOffset, long fileBytes) {
        for (GgufTensorInfo t : h.tensors()) {
            long bytes;
            try {
                bytes = t.bytes();
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw bad(file, "tensor " + t.name() + ": " + e.getMessage());
            }
            if (t.offset() % h.alignment() != 0) {
                throw bad(file, "tensor " + t.name() + " starts at " + t.offset() + ", not a multiple of the alignment "
                        + h.alignment());
            }
            if (t.offset() < 0 || dataOffset + t.offset() + bytes > fileBytes) {
                throw bad(file, "tensor " + t.name() + " (" + bytes + " bytes at data offset " + t.offset()
                        + ") runs past the end of the file (" + fileBytes + " bytes)");
            }
        }
    }

    private Object value(GgufValue.Type type, String key) throws IOException {
        return switch (type) {
            case UINT8 -> (long) (u8());
            case INT8 -> (long) (byte) u8();
            case UINT16 -> (long) (u8() | (u8() << 8));
            case INT16 -> (long) (short) (u8() | (u8() << 8));
            case UINT32 -> u32();
            case INT32 -> (long) (int) u32();
            case UINT64, INT64 -> u64();
            case FLOAT32 -> (double) Float.intBitsToFloat((int) u32());
            case FLOAT64 -> Double.longBitsToDouble(u64());
            case BOOL -> u8() != 0;
            case STRING -> string();
            case ARRAY -> throw bad(file, "metadata " + key + " nests an array in an array, which this reader does not read");
        };
    }

    private GgufValue.Type type(long id, String key) {
        GgufValue.Type t = GgufValue.Type.byId(id);
        if (t == null) {
            throw bad(file, "metadata " + key + " has value type " + id + ", which GGUF does not define");
        }
        return t;
    }

    private long length(String what) throws IOException {
        long n = u64();
        if (n < 0 || n > MAX_LENGTH) {
            throw bad(file, what + " is " + Long.toUnsignedString(n) + ", beyond any sane header");
        }
        return n;
    }

    private String string() throws IOException {
        int n = (int) length("a string's length");
        byte[] b = new byte[n];
        for (int i = 0; i < n; ) {
            ensure(1);
            int k = Math.min(n - i, buf.remaining());
            buf.get(b, i, k);
            i += k;
            position += k;
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private int u8() throws IOException {
        ensure(1);
        position++;
        return buf.get() & 0xff;
    }

    private long u32() throws IOException {
        ensure(4);
        position += 4;
        return buf.getInt() & 0xFFFF_FFFFL;
    }

    private long u64() throws IOException {
        ensure(8);
        position += 8;
        return buf.getLong();
    }

    private void ensure(int n) throws IOException {
        if (buf.remaining() >= n) {
            return;
        }
        buf.compact();
        while (buf.position() < n) {
            if (channel.read(buf) < 0) {
                throw new EOFException();
            }
        }
        buf.flip();
    }

    private static InputException bad(Path file, String what) {
        return InputException.inFile(file, "GGUF header", what);
    }
}
