package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code unitcost synth} run in-process under the root command's exception handlers. */
class SynthCommandTest {

    private static final String TINY_CONFIG = """
            {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": 64, "num_hidden_layers": 2,
             "num_attention_heads": 4, "num_key_value_heads": 2, "intermediate_size": 96, "vocab_size": 600,
             "tie_word_embeddings": true, "rope_theta": 1000000.0, "rms_norm_eps": 1e-06,
             "max_position_embeddings": 128, "bos_token_id": 598, "eos_token_id": 599}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(ToLongFunction<Path> freeBytes, String... args) {
        CommandLine cl = UnitcostCommand.commandLine();
        cl.getCommandSpec().removeSubcommand("synth"); // registered in the root; replaced by one with a fake free-space probe
        cl.addSubcommand("synth", new SynthCommand(freeBytes));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] full = Stream.concat(Stream.of("synth"), Stream.of(args)).toArray(String[]::new);
        return cl.execute(full);
    }

    private int run(String... args) {
        return run(p -> Long.MAX_VALUE, args);
    }

    private Path tinyConfig() throws Exception {
        return Files.writeString(dir.resolve("config.json"), TINY_CONFIG);
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("partial")).toList();
        }
    }

    @Test
    void listShowsPresetsWithPublishedParameterCounts() {
        assertEquals(0, run("--list"));
        String text = out.toString();
        assertTrue(text.contains("smollm2-135m") && text.contains("134,515,008"), text);
        assertTrue(text.contains("llama-3.1-8b") && text.contains("8,030,261,248"), text);
        assertTrue(text.contains("int4"), text);
    }

    @Test
    void writesOnnxCommunityLayoutFromConfig() throws Exception {
        Path target = dir.resolve("twin");
        assertEquals(0, run("--config", tinyConfig().toString(), "--quant", "int8", "--seed", "9", "--out", target.toString()),
                err.toString());
        for (String f : List.of("config.json", "generation_config.json", "tokenizer.json", "twin.json",
                "onnx/model_int8.onnx", "onnx/model_int8.onnx_data")) {
            assertTrue(Files.isRegularFile(target.resolve(f)), f);
        }
        JsonNode twin = new ObjectMapper().readTree(target.resolve("twin.json").toFile());
        assertTrue(twin.path("twin").asBoolean());
        assertEquals("int8", twin.path("quantization").asText());
        assertEquals(9, twin.path("seed").asLong());
        JsonNode config = new ObjectMapper().readTree(target.resolve("config.json").toFile());
        assertEquals(600, config.path("vocab_size").asInt());
        assertTrue(err.toString().lines().anyMatch(l -> l.startsWith("writing weights 100%")), err.toString());
        DecoderModel model = DecoderModel.open(target, "int8");
        assertTrue(model.twin());
        DecoderArchitecture expected = DecoderArchitecture.fromHfConfig(dir.resolve("config.json"));
        assertEquals(expected.layers(), model.layers());
        assertEquals(expected.kvHeads(), model.kvHeads());
        assertEquals(expected.headDim(), model.headDim());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void unknownPresetListsKnownOnes() {
        assertEquals(2, run("--preset", "gpt-5", "--out", dir.resolve("t").toString()));
        assertEquals("unitcost: --preset: unknown preset 'gpt-5'; known: smollm2-135m, qwen2.5-0.5b, qwen2.5-1.5b,"
                + " llama-3.2-1b, llama-3.1-8b, mistral-7b, llama-3.1-70b, qwen2.5-7b, qwen2.5-72b, mixtral-8x7b", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("t")));
    }

    @Test
    void headsNotDividingHiddenSize() throws Exception {
        Path c = Files.writeString(dir.resolve("config.json"), TINY_CONFIG.replace("\"num_attention_heads\": 4", "\"num_attention_heads\": 5"));
        assertEquals(2, run("--config", c.toString(), "--out", dir.resolve("t").toString()));
        assertEquals("unitcost: " + c + ": config.json: num_attention_heads (5) must divide hidden_size (64)", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("t")));
    }

    @Test
    void kvHeadsNotDividingHeads() throws Exception {
        Path c = Files.writeString(dir.resolve("config.json"), TINY_CONFIG.replace("\"num_key_value_heads\": 2", "\"num_key_value_heads\": 3"));
        assertEquals(2, run("--config", c.toString(), "--out", dir.resolve("t").toString()));
        assertEquals("unitcost: " + c + ": config.json: num_key_value_heads (3) must divide num_attention_heads (4)",
                err.toString().strip());
    }

    @Test
    void nonEmptyOutputDirectory() throws Exception {
        Path target = Files.createDirectory(dir.resolve("full"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        assertEquals(2, run("--config", tinyConfig().toString(), "--out", target.toString()));
        assertEquals("unitcost: --out: " + target + " is not empty; give a new or empty directory", err.toString().strip());
        assertEquals(List.of(target.resolve("keep.txt")), Files.list(target).toList());
    }

    @Test
    void unwritableOutputDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = file.resolve("twin");
        assertEquals(2, run("--config", tinyConfig().toString(), "--out", target.toString()));
        assertEquals("unitcost: --out: cannot write in " + file + ": not a writable directory", err.toString().strip());
    }

    @Test
    void tooLittleDiskSpaceIsCheckedBeforeWriting() throws Exception {
        Path target = dir.resolve("t");
        assertEquals(2, run(p -> 10L << 20, "--config", tinyConfig().toString(), "--out", target.toString()));
        String line = err.toString().strip();
        assertTrue(line.startsWith("unitcost: --out: not enough disk space in " + dir + ": the twin needs about "), line);
        assertTrue(line.endsWith(" MiB, 10 MiB free"), line);
        assertEquals(1, line.lines().count());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void badQuantisationNamed() throws Exception {
        assertEquals(2, run("--config", tinyConfig().toString(), "--quant", "int3", "--out", dir.resolve("t").toString()));
        assertEquals("unitcost: --quant: expected fp32, fp16, int8 or int4, got 'int3'", err.toString().strip());
    }
}
