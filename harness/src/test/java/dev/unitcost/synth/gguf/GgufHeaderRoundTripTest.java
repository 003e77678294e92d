package dev.unitcost.synth.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header written by {@link GgufHeader#encode()} and read back by {@link GgufReader}; bad files refused. */
class GgufHeaderRoundTripTest {

    @TempDir
    Path dir;

    private static GgufHeader sample() {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("llama"));
        m.put("general.alignment", GgufValue.uint32(32));
        m.put("llama.rope.freq_base", GgufValue.float32(500000.0));
        m.put("seed", GgufValue.int64(-7));
        m.put("flag", GgufValue.bool(true));
        m.put("words", GgufValue.strings(List.of("a", "Ġthe", "é")));
        m.put("types", GgufValue.int32s(List.of(1L, 3L, -2L)));
        List<GgufTensorInfo> t = List.of(
                new GgufTensorInfo("token_embd.weight", new long[] {64, 300}, GgmlType.Q8_0, 0),
                new GgufTensorInfo("output_norm.weight", new long[] {64}, GgmlType.F32, 20416));
        return new GgufHeader(3, m, t);
    }

    private Path write(GgufHeader h, long dataBytes) throws Exception {
        Path f = dir.resolve("t.gguf");
        byte[] header = h.encode();
        Files.write(f, header);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(header.length + dataBytes);
        }
        return f;
    }

    @Test
    void headerBytesFollowTheSpec() {
        byte[] b = sample().encode();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("GGUF", new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(3, buf.getInt(4));
        assertEquals(2, buf.getLong(8)); // tensors
        assertEquals(7, buf.getLong(16)); // key-value pairs
        // the first pair: key length 20, "general.architecture", type 8 (string), length 5, "llama"
        assertEquals(20, buf.getLong(24));
        assertEquals("general.architecture", new String(b, 32, 20, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(8, buf.getInt(52));
        assertEquals(5, buf.getLong(56));
        assertEquals("llama", new String(b, 64, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(0, b.length % 32);
    }

    @Test
    void metadataAndTensorTableRoundTrip() throws Exception {
        GgufHeader h = sample();
        // token_embd: 300 rows of 2 Q8_0 blocks = 20400 bytes; output_norm at 20416 (aligned), 256 bytes
        Path f = write(h, 20416 + 256);
        GgufReader.Read r = GgufReader.read(f);
        assertEquals(h.encode().length, r.dataOffset());
        assertEquals(3, r.header().version());
        assertEquals(h.metadata(), r.header().metadata());
        assertEquals(List.copyOf(h.metadata().keySet()), List.copyOf(r.header().metadata().keySet()));
        assertEquals(h.tensors(), r.header().tensors());
        assertEquals(500000.0, r.header().get("llama.rope.freq_base").asDouble());
        assertEquals(-7, r.header().get("seed").asLong());
        assertEquals(List.of("a", "Ġthe", "é"), r.header().get("words").asList());
        assertEquals(List.of(1L, 3L, -2L), r.header().get("types").asList());
        assertEquals(20400, r.header().tensors().get(0).bytes());
        assertTrue(Arrays.equals(new long[] {64, 300}, r.header().tensors().get(0).dims()));
    }

    @Test
    void refusesAFileThatIsNotGguf() throws Exception {
        Path f = Files.write(dir.resolve("x.gguf"), "not a gguf file at all, just text".getBytes());
        InputException e = assertThrows(InputException.class, () -> GgufReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": GGUF header: does not start with the GGUF magic"), e.getMessage());
    }

    @Test
    void refusesATruncatedHeaderAndTensorsPastTheEnd() throws Exception {
        byte[] full = sample().encode();
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(full, 100));
        InputException e = assertThrows(InputException.class, () -> GgufReader.read(cut));
        assertTrue(e.getMessage().contains("ends inside its header"), e.getMessage());
        Path shortData = write(sample(), 1000);
        e = assertThrows(InputException.class, () -> GgufReader.read(shortData));
        assertTrue(e.getMessage().contains("token_embd.weight") && e.getMessage().contains("runs past the end"),
                e.getMessage());
    }
}
