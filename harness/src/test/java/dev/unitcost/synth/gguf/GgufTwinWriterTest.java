package dev.unitcost.synth.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.Half;
import dev.unitcost.synth.TwinProgress;
import dev.unitcost.synth.WeightSource;
import dev.unitcost.synth.WeightSource.Spread;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny GGUF twins written to disk and read back: header, layout and the bytes of the tensors. */
class GgufTwinWriterTest {

    /** Qwen2-like: q/k/v biases, tied embeddings, GQA 4:2. */
    static final DecoderArchitecture QWEN = new DecoderArchitecture("qwen2", 64, 2, 4, 2, 16, 96, 512, true, true,
            1000000.0, 1e-6, 64, null);

    @TempDir
    Path dir;

    private Path write(GgufQuant q, Path out) throws IOException {
        GgufTwinPlan plan = new GgufTwinPlan(QWEN, q, 3, new GgufTwinPlan.Facts(null, 510, 511));
        return new GgufTwinWriter(p -> Long.MAX_VALUE, TwinProgress.NONE).write(plan, out);
    }

    private static byte[] tensorBytes(Path file, GgufReader.Read r, String name) throws IOException {
        GgufTensorInfo t = r.header().tensors().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        byte[] all = Files.readAllBytes(file);
        int from = (int) (r.dataOffset() + t.offset());
        return Arrays.copyOfRange(all, from, from + (int) t.bytes());
    }

    @Test
    void writesOneFileWhoseTableAndSizeAreThePlans() throws Exception {
        Path file = write(GgufQuant.Q4_0, dir.resolve("twin"));
        assertEquals(dir.resolve("twin").resolve("twin-q4_0.gguf"), file);
        GgufTwinPlan plan = new GgufTwinPlan(QWEN, GgufQuant.Q4_0, 3, new GgufTwinPlan.Facts(null, 510, 511));
        GgufReader.Read r = GgufReader.read(file);
        assertEquals(plan.header().metadata(), r.header().metadata());
        assertEquals(plan.header().tensors(), r.header().tensors());
        assertEquals(plan.fileBytes(), Files.size(file)); // ends on the alignment already
        assertEquals(0, Files.size(file) % 32);
        assertEquals(QWEN.paramCount(), plan.parameterCount());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("twin"), s.map(p -> p.getFileName().toString()).toList()); // nothing partial left
        }
    }

    @Test
    void tensorBytesAreTheSeededValuesInEachEncoding() throws Exception {
        WeightSource src = new WeightSource(3);
        Spread linear = Spread.linear(64);
        float[] row0 = src.rows("model.layers.1.mlp.up_proj.weight", 0, 1, 64, linear);

        Path f16 = write(GgufQuant.F16, dir.resolve("f16"));
        ByteBuffer b = ByteBuffer.wrap(tensorBytes(f16, GgufReader.read(f16), "blk.1.ffn_up.weight"))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < 64; k++) {
            assertEquals(Half.fromFloat(row0[k]), b.getShort(2 * k), "element " + k);
        }

        Path q8 = write(GgufQuant.Q8_0, dir.resolve("q8"));
        byte[] expected = new byte[2 * 34];
        BlockQuants.q8_0(row0, 0, 64, expected, 0);
        byte[] got = tensorBytes(q8, GgufReader.read(q8), "blk.1.ffn_up.weight");
        assertArrayEquals(expected, Arrays.copyOf(got, expected.length));
        for (int k = 0; k < 64; k++) {
            float scale = Math.abs(BlockQuants.dequantizeQ8_0(got, 0, k / 32 * 32 + 31) / 127f) + 1e-3f;
            assertEquals(row0[k], BlockQuants.dequantizeQ8_0(got, 0, k), scale, "element " + k);
        }

        Path q4 = write(GgufQuant.Q4_0, dir.resolve("q4"));
        GgufReader.Read r4 = GgufReader.read(q4);
        byte[] q4Expected = new byte[2 * 18];
        BlockQuants.q4_0(row0, 0, 64, q4Expected, 0);
        assertArrayEquals(q4Expected, Arrays.copyOf(tensorBytes(q4, r4, "blk.1.ffn_up.weight"), q4Expected.length));
        // vectors are F32 values exactly; the tied embedding Q8_0
        ByteBuffer norm = ByteBuffer.wrap(tensorBytes(q4, r4, "output_norm.weight")).order(ByteOrder.LITTLE_ENDIAN);
        float[] normValues = src.rows("model.norm.weight", 0, 1, 64, new Spread(1f, 0.1f));
        for (int k = 0; k < 64; k++) {
            assertEquals(normValues[k], norm.getFloat(4 * k));
        }
        byte[] embd = tensorBytes(q4, r4, "token_embd.weight");
        assertEquals(512 * 2 * 34, embd.length);
        byte[] embdExpected = new byte[2 * 34];
        BlockQuants.q8_0(src.rows("model.embed_tokens.weight", 511, 1, 64, linear), 0, 64, embdExpected, 0);
        assertArrayEquals(embdExpected, Arrays.copyOfRange(embd, 511 * 68, 512 * 68));
    }

    @Test
    void refusesANonEmptyDirectoryAndWritesNothing() throws Exception {
        Path out = Files.createDirectory(dir.resolve("full"));
        Files.writeString(out.resolve("keep.txt"), "x");
        InputException e = assertThrows(InputException.class, () -> write(GgufQuant.Q8_0, out));
        assertEquals("out", e.setting());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("full"), s.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void refusesWhenTheDiskIsTooSmall() {
        GgufTwinPlan plan = new GgufTwinPlan(QWEN, GgufQuant.F16, 3, new GgufTwinPlan.Facts(null, 510, 511));
        InputException e = assertThrows(InputException.class,
                () -> new GgufTwinWriter(p -> 1L << 20, TwinProgress.NONE).write(plan, dir.resolve("small")));
        assertTrue(e.getMessage().contains("not enough disk space"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("small")));
    }
}
