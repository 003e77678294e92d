package dev.unitcost.synth.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.NodeChecks;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderArchitecture.RopeScaling;
import dev.unitcost.synth.TwinPreset;
import dev.unitcost.synth.TwinProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Written GGUF twins read by an independent reader, Hugging Face's {@code @huggingface/gguf} under Node
 * ({@code src/test/node/gguf-check}, installed by {@code npm ci} there, as {@code .ci/run} does). Skipped,
 * with the reason, where Node or the installed package is missing.
 */
class GgufNodeReaderTest {

    private static final Path CHECK = NodeChecks.GGUF_CHECK;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void nodeAndPackageAreThere() {
        NodeChecks.assumeInstalled(CHECK, "@huggingface/gguf", "npm ci");
    }

    private static JsonNode nodeView(Path gguf) throws Exception {
        Process p = new ProcessBuilder("node", "check.mjs", gguf.toAbsolutePath().toString())
                .directory(CHECK.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node check.mjs did not finish");
        assertEquals(0, p.exitValue(), new String(stdout, StandardCharsets.UTF_8));
        return JSON.readTree(stdout);
    }

    /** Our reader's table and the Node reader's agree entry by entry. */
    private static void sameTable(GgufReader.Read ours, JsonNode theirs) {
        List<GgufTensorInfo> tensors = ours.header().tensors();
        assertEquals(tensors.size(), theirs.path("tensors").size());
        assertEquals(tensors.size(), theirs.path("metadata").path("tensor_count").asLong());
        assertEquals(ours.header().metadata().size(), theirs.path("metadata").path("kv_count").asLong());
        assertEquals(ours.dataOffset(), theirs.path("tensorDataOffset").asLong());
        for (int i = 0; i < tensors.size(); i++) {
            GgufTensorInfo t = tensors.get(i);
            JsonNode n = theirs.path("tensors").get(i);
            assertEquals(t.name(), n.path("name").asText());
            assertEquals(t.type().id(), n.path("dtype").asInt(), t.name());
            assertEquals(t.offset(), n.path("offset").asLong(), t.name());
            long[] dims = t.dims();
            assertEquals(dims.length, n.path("shape").size(), t.name());
            for (int d = 0; d < dims.length; d++) {
                assertEquals(dims[d], n.path("shape").get(d).asLong(), t.name());
            }
        }
    }

    @Test
    void smollm2Q4_0AsHuggingFacesReaderSeesIt() throws Exception {
        TwinPreset p = TwinPreset.named("smollm2-135m");
        GgufTwinPlan plan = new GgufTwinPlan(p.architecture(), GgufQuant.Q4_0, 0,
                new GgufTwinPlan.Facts(p.name(), p.bosTokenId(), p.eosTokenId()));
        Path file = new GgufTwinWriter(x -> Long.MAX_VALUE, TwinProgress.NONE).write(plan, dir.resolve("twin"));
        JsonNode node = nodeView(file);
        JsonNode m = node.path("metadata");
        assertEquals(3, m.path("version").asInt());
        assertEquals(272, m.path("tensor_count").asInt());
        assertEquals(134_515_008L, node.path("parameterCount").asLong()); // the published count
        assertEquals("llama", m.path("general.architecture").asText());
        assertEquals(2, m.path("general.file_type").asInt());
        assertEquals(576, m.path("llama.embedding_length").asInt());
        assertEquals(30, m.path("llama.block_count").asInt());
        assertEquals(1536, m.path("llama.feed_forward_length").asInt());
        assertEquals(9, m.path("llama.attention.head_count").asInt());
        assertEquals(3, m.path("llama.attention.head_count_kv").asInt());
        assertEquals(8192, m.path("llama.context_length").asInt());
        assertEquals(100000.0, m.path("llama.rope.freq_base").asDouble());
        assertEquals("gpt2", m.path("tokenizer.ggml.model").asText());
        assertEquals(49152, m.path("tokenizer.ggml.tokens").path("length").asInt());
        assertEquals(49152, m.path("tokenizer.ggml.token_type").path("length").asInt());
        assertEquals(1, m.path("tokenizer.ggml.bos_token_id").asInt());
        assertEquals(2, m.path("tokenizer.ggml.eos_token_id").asInt());
        JsonNode first = node.path("tensors").get(0);
        assertEquals("token_embd.weight", first.path("name").asText());
        assertEquals("[576,49152]", first.path("shape").toString());
        sameTable(GgufReader.read(file), node);
    }

    @Test
    void llama3ShapedTwinWithRopeFreqsAndAnUntiedOutput() throws Exception {
        DecoderArchitecture a = new DecoderArchitecture("llama", 64, 2, 4, 1, 16, 128, 384, false, false,
                500000.0, 1e-5, 64, new RopeScaling(8.0, 1.0, 4.0, 16));
        GgufTwinPlan plan = new GgufTwinPlan(a, GgufQuant.F16, 1, new GgufTwinPlan.Facts(null, 1, 2));
        Path file = new GgufTwinWriter(x -> Long.MAX_VALUE, TwinProgress.NONE).write(plan, dir.resolve("llama3"));
        JsonNode node = nodeView(file);
        assertEquals("rope_freqs.weight", node.path("tensors").get(0).path("name").asText());
        assertEquals("output.weight", node.path("tensors").get(node.path("tensors").size() - 1).path("name").asText());
        // the Node reader counts every tensor's values: the parameters and the 8 rope factors
        assertEquals(a.paramCount() + 8, node.path("parameterCount").asLong());
        assertEquals(1, node.path("metadata").path("general.file_type").asInt());
        sameTable(GgufReader.read(file), node);
    }
}
