package dev.unitcost.synth.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.TwinParameters;
import dev.unitcost.synth.TwinPreset;
import dev.unitcost.synth.WeightSource;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GGUF twins' tensor tables and metadata, planned without writing any weight. */
class GgufTwinPlanTest {

    @TempDir
    Path dir;

    private static GgufTwinPlan plan(String preset, GgufQuant q) {
        TwinPreset p = TwinPreset.named(preset);
        return new GgufTwinPlan(p.architecture(), q, 0, new GgufTwinPlan.Facts(p.name(), p.bosTokenId(), p.eosTokenId()));
    }

    private static Map<String, GgufTensorInfo> byName(GgufTwinPlan plan) {
        return plan.header().tensors().stream().collect(Collectors.toMap(GgufTensorInfo::name, Function.identity()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // published parameter counts (as PresetParameterCountTest); tensors: 9 per layer (12 with Qwen2's q/k/v
        // biases), token_embd and output_norm, output when untied, rope_freqs with Llama-3 rope scaling
        "smollm2-135m, 134515008, 272",
        "qwen2.5-0.5b, 494032768, 290",
        "qwen2.5-1.5b, 1543714304, 338",
        "llama-3.2-1b, 1235814400, 147",
        "llama-3.1-8b, 8030261248, 292",
        "mistral-7b, 7241732096, 291"
    })
    void tensorTableHoldsThePublishedParameters(String preset, long published, int tensors) throws Exception {
        GgufTwinPlan plan = plan(preset, GgufQuant.Q4_0);
        assertEquals(published, plan.parameterCount());
        assertEquals(tensors, plan.header().tensors().size());
        // read back through the reader from a sparse file of the planned size: the table survives the round trip
        Path f = dir.resolve("plan.gguf");
        Files.write(f, plan.headerBytes());
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(plan.fileBytes());
        }
        GgufReader.Read read = GgufReader.read(f);
        assertEquals(plan.header().tensors(), read.header().tensors());
        assertEquals(plan.headerBytes().length, read.dataOffset());
        long params = read.header().tensors().stream().filter(t -> !t.name().equals("rope_freqs.weight"))
                .mapToLong(GgufTensorInfo::elements).sum();
        assertEquals(published, params);
    }

    @Test
    void smollm2ShapesInGgmlOrder() {
        Map<String, GgufTensorInfo> t = byName(plan("smollm2-135m", GgufQuant.Q4_0));
        assertArrayEquals(new long[] {576, 49152}, t.get("token_embd.weight").dims());
        assertArrayEquals(new long[] {576, 576}, t.get("blk.0.attn_q.weight").dims());
        assertArrayEquals(new long[] {576, 192}, t.get("blk.0.attn_k.weight").dims()); // 3 kv heads × 64
        assertArrayEquals(new long[] {576, 192}, t.get("blk.29.attn_v.weight").dims());
        assertArrayEquals(new long[] {576, 576}, t.get("blk.29.attn_output.weight").dims());
        assertArrayEquals(new long[] {576, 1536}, t.get("blk.3.ffn_gate.weight").dims());
        assertArrayEquals(new long[] {576, 1536}, t.get("blk.3.ffn_up.weight").dims());
        assertArrayEquals(new long[] {1536, 576}, t.get("blk.3.ffn_down.weight").dims());
        assertArrayEquals(new long[] {576}, t.get("blk.0.attn_norm.weight").dims());
        assertArrayEquals(new long[] {576}, t.get("blk.0.ffn_norm.weight").dims());
        assertArrayEquals(new long[] {576}, t.get("output_norm.weight").dims());
        assertFalse(t.containsKey("output.weight")); // tied embeddings
        assertFalse(t.containsKey("rope_freqs.weight"));
        // Q4_0: matrices Q4_0, the tied embedding (the output projection) Q8_0, vectors F32
        assertEquals(GgmlType.Q8_0, t.get("token_embd.weight").type());
        assertEquals(GgmlType.Q4_0, t.get("blk.0.attn_q.weight").type());
        assertEquals(GgmlType.Q4_0, t.get("blk.3.ffn_down.weight").type());
        assertEquals(GgmlType.F32, t.get("output_norm.weight").type());
    }

    @Test
    void smollm2Q4_0DataBytesByHand() {
        // token_embd Q8_0: 49152 rows × 18 blocks × 34 B = 30,081,024
        // a layer: q and o 576×576/32 × 18 B = 186,624 each; k and v 576×192/32 × 18 = 62,208 each;
        //   gate, up, down 576×1536/32 × 18 = 497,664 each; two F32 norms 2 × 2,304 → 1,995,264; × 30 = 59,857,920
        // output_norm 2,304; every size a multiple of 32, so no padding between tensors
        assertEquals(30_081_024L + 59_857_920L + 2_304L, plan("smollm2-135m", GgufQuant.Q4_0).dataBytes());
        // F16: (134,515,008 − 61 norms × 576) × 2 B + 61 × 576 × 4 B
        assertEquals((134_515_008L - 61 * 576) * 2 + 61 * 576 * 4, plan("smollm2-135m", GgufQuant.F16).dataBytes());
    }

    @Test
    void quantisationsChooseTensorTypesAsLlamaCppDoes() {
        Map<String, GgufTensorInfo> q4 = byName(plan("mistral-7b", GgufQuant.Q4_0));
        assertEquals(GgmlType.Q4_0, q4.get("token_embd.weight").type()); // untied: left Q4_0
        assertEquals(GgmlType.Q8_0, q4.get("output.weight").type());
        Map<String, GgufTensorInfo> q8 = byName(plan("mistral-7b", GgufQuant.Q8_0));
        assertEquals(GgmlType.Q8_0, q8.get("output.weight").type());
        assertEquals(GgmlType.Q8_0, q8.get("blk.0.attn_q.weight").type());
        Map<String, GgufTensorInfo> f16 = byName(plan("mistral-7b", GgufQuant.F16));
        assertEquals(GgmlType.F16, f16.get("token_embd.weight").type());
        assertEquals(GgmlType.F32, f16.get("blk.0.attn_norm.weight").type());
        assertArrayEquals(new long[] {4096, 32000}, f16.get("output.weight").dims());
        assertEquals(7, plan("mistral-7b", GgufQuant.Q8_0).header().get("general.file_type").asLong());
        assertEquals(2, plan("mistral-7b", GgufQuant.Q4_0).header().get("general.file_type").asLong());
        assertEquals(1, plan("mistral-7b", GgufQuant.F16).header().get("general.file_type").asLong());
    }

    @Test
    void qwen2CarriesItsBiasesAsF32() {
        Map<String, GgufTensorInfo> t = byName(plan("qwen2.5-0.5b", GgufQuant.Q4_0));
        assertArrayEquals(new long[] {896}, t.get("blk.0.attn_q.bias").dims());
        assertArrayEquals(new long[] {128}, t.get("blk.23.attn_k.bias").dims()); // 2 kv heads × 64
        assertArrayEquals(new long[] {128}, t.get("blk.23.attn_v.bias").dims());
        assertEquals(GgmlType.F32, t.get("blk.0.attn_q.bias").type());
        assertFalse(t.containsKey("blk.0.attn_output.bias"));
    }

    @Test
    void metadataSaysWhatLlamaCppReads() {
        GgufHeader h = plan("qwen2.5-0.5b", GgufQuant.Q8_0).header();
        assertEquals("qwen2", h.get("general.architecture").asString());
        assertEquals(32, h.get("general.alignment").asLong());
        assertEquals(32768, h.get("qwen2.context_length").asLong());
        assertEquals(896, h.get("qwen2.embedding_length").asLong());
        assertEquals(24, h.get("qwen2.block_count").asLong());
        assertEquals(4864, h.get("qwen2.feed_forward_length").asLong());
        assertEquals(14, h.get("qwen2.attention.head_count").asLong());
        assertEquals(2, h.get("qwen2.attention.head_count_kv").asLong());
        assertEquals(1000000.0, h.get("qwen2.rope.freq_base").asDouble());
        assertEquals(1e-6, h.get("qwen2.attention.layer_norm_rms_epsilon").asDouble(), 1e-12);
        assertEquals("gpt2", h.get("tokenizer.ggml.model").asString());
        assertEquals(151936, h.get("tokenizer.ggml.tokens").asList().size());
        assertEquals(151936, h.get("tokenizer.ggml.token_type").asList().size());
        assertEquals(3L, h.get("tokenizer.ggml.token_type").asList().get(151643)); // the special token: control
        assertEquals(1L, h.get("tokenizer.ggml.token_type").asList().get(0));
        // every token but the 256 byte symbols and the special one is a merge
        assertEquals(151936 - 256 - 1, h.get("tokenizer.ggml.merges").asList().size());
        assertEquals(151643, h.get("tokenizer.ggml.bos_token_id").asLong());
        assertEquals(151643, h.get("tokenizer.ggml.eos_token_id").asLong());
        assertEquals("llama", plan("mistral-7b", GgufQuant.Q8_0).header().get("general.architecture").asString());
        assertEquals("llama", plan("smollm2-135m", GgufQuant.Q8_0).header().get("general.architecture").asString());
    }

    @Test
    void llama3RopeScalingBecomesRopeFreqs() {
        GgufTwinPlan plan = plan("llama-3.2-1b", GgufQuant.Q4_0);
        GgufTensorInfo t = byName(plan).get("rope_freqs.weight");
        assertArrayEquals(new long[] {32}, t.dims());
        assertEquals(GgmlType.F32, t.type());
        float[] f = GgufTwinPlan.ropeFactors(plan.architecture());
        // the highest frequency (wavelength 2π, under 8192 / 4) is not scaled; the lowest (wavelength far above 8192) by 32
        assertEquals(1f, f[0], 1e-6f);
        assertEquals(32f, f[31], 1e-4f);
        for (int i = 1; i < f.length; i++) {
            assertTrue(f[i] >= f[i - 1] && f[i] >= 1f && f[i] <= 32f, "factor " + i + " = " + f[i]);
        }
        assertFalse(byName(plan("qwen2.5-0.5b", GgufQuant.Q4_0)).containsKey("rope_freqs.weight"));
    }

    @Test
    void offsetsAreAlignedAndTensorsDoNotOverlap() {
        GgufTwinPlan plan = plan("llama-3.2-1b", GgufQuant.Q4_0);
        long end = 0;
        for (GgufTensorInfo t : plan.header().tensors()) {
            assertEquals(0, t.offset() % 32, t.name());
            assertTrue(t.offset() >= end && t.offset() - end < 32, t.name());
            end = t.offset() + t.bytes();
        }
        assertEquals(end, plan.dataBytes());
        assertEquals(0, plan.headerBytes().length % 32);
    }

    @Test
    void llamaQueryAndKeyRowsArePermutedAsTheConverterDoes() {
        // one head of 16: GGUF row 2i + j holds Hugging Face row j × 8 + i
        DecoderArchitecture llama = new DecoderArchitecture("llama", 64, 1, 4, 1, 16, 128, 384, false, false,
                10000.0, 1e-5, 64, null);
        GgufTwinPlan plan = new GgufTwinPlan(llama, GgufQuant.F16, 5, new GgufTwinPlan.Facts(null, 1, 2));
        assertEquals(0, plan.unpermuted(0, 4));
        assertEquals(8, plan.unpermuted(1, 4));
        assertEquals(1, plan.unpermuted(2, 4));
        assertEquals(15, plan.unpermuted(15, 4));
        assertEquals(16 + 8, plan.unpermuted(17, 4)); // second head
        WeightSource src = new WeightSource(5);
        TwinParameters.Parameter q = TwinParameters.of(llama).stream()
                .filter(p -> p.name().equals("model.layers.0.self_attn.q_proj.weight")).findFirst().orElseThrow();
        float[] got = rowOf(plan, "blk.0.attn_q.weight", 1, 64);
        assertArrayEquals(src.rows(q.name(), 8, 1, 64, q.spread()), got);
        float[] v = rowOf(plan, "blk.0.attn_v.weight", 1, 64); // v is not permuted
        assertArrayEquals(src.rows("model.layers.0.self_attn.v_proj.weight", 1, 1, 64, q.spread()), v);
        // Qwen2 rotates halves as Hugging Face does: nothing permuted
        DecoderArchitecture qwen = new DecoderArchitecture("qwen2", 64, 1, 4, 2, 16, 96, 512, true, true,
                1000000.0, 1e-6, 64, null);
        GgufTwinPlan qp = new GgufTwinPlan(qwen, GgufQuant.F16, 5, new GgufTwinPlan.Facts(null, 1, 2));
        assertArrayEquals(src.rows("model.layers.0.self_attn.q_proj.weight", 1, 1, 64, q.spread()),
                rowOf(qp, "blk.0.attn_q.weight", 1, 64));
    }

    private static float[] rowOf(GgufTwinPlan plan, String name, long row, int cols) {
        float[] out = new float[cols];
        plan.tensors().stream().filter(t -> t.info().name().equals(name)).findFirst().orElseThrow().source().row(row, out, 0);
        return out;
    }

    @Test
    void fileNameNamesPresetAndQuantisation() {
        assertEquals("smollm2-135m-q4_0.gguf", plan("smollm2-135m", GgufQuant.Q4_0).fileName());
        List<String> labels = java.util.Arrays.stream(GgufQuant.values()).map(GgufQuant::label).toList();
        assertEquals(List.of("f16", "q8_0", "q4_0"), labels);
    }
}
