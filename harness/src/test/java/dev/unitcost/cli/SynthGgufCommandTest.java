package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.synth.gguf.GgufReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code unitcost synth --format gguf}, run in-process under the root command's exception handlers. */
class SynthGgufCommandTest {

    private static final String TINY_CONFIG = """
            {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2,
             "num_attention_heads": 4, "num_key_value_heads": 2, "intermediate_size": 96, "vocab_size": 600,
             "tie_word_embeddings": false, "rope_theta": 10000.0, "rms_norm_eps": 1e-05,
             "max_position_embeddings": 128, "bos_token_id": 1, "eos_token_id": 2}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = UnitcostCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(Stream.concat(Stream.of("synth"), Stream.of(args)).toArray(String[]::new));
    }

    private String config() throws Exception {
        return Files.writeString(dir.resolve("config.json"), TINY_CONFIG).toString();
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAGgufFileFromAConfig() throws Exception {
        Path target = dir.resolve("twin");
        assertEquals(0, run("--config", config(), "--format", "gguf", "--quant", "q8_0", "--seed", "4",
                "--out", target.toString()), err.toString());
        Path file = target.resolve("twin-q8_0.gguf");
        GgufReader.Read r = GgufReader.read(file);
        assertEquals("llama", r.header().get("general.architecture").asString());
        assertEquals(7, r.header().get("general.file_type").asLong());
        assertEquals(4, r.header().get("unitcost.twin.seed").asLong());
        assertEquals(2 * 9 + 3, r.header().tensors().size()); // untied: output.weight too
        String line = out.toString().strip();
        assertTrue(line.startsWith("wrote " + dir.resolve("config.json") + " GGUF twin (") && line.contains(", q8_0, 21 tensors, ")
                && line.contains(" to " + file + " in "), line);
    }

    @Test
    void rowsOfPartialBlocksAreRefusedForQuantisedTypesOnly() throws Exception {
        String narrow = Files.writeString(dir.resolve("narrow.json"), TINY_CONFIG.replace("\"hidden_size\": 64", "\"hidden_size\": 48"))
                .toString();
        assertEquals(2, run("--config", narrow, "--format", "gguf", "--quant", "q8_0", "--out", dir.resolve("q8").toString()));
        assertEquals("unitcost: --quant: token_embd.weight has rows of 48 values, not a multiple of 32 as Q8_0 needs;"
                + " write this shape as f16", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("q8")));
        assertEquals(0, run("--config", narrow, "--format", "gguf", "--quant", "f16", "--out", dir.resolve("f16").toString()),
                err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("f16").resolve("twin-f16.gguf")));
    }

    @Test
    void listShowsGgufFileSizes() {
        assertEquals(0, run("--list"));
        String text = out.toString();
        assertTrue(text.contains("--format gguf") && text.contains("q4_0"), text);
        // SmolLM2-135M Q4_0: 89,941,248 data bytes (GgufTwinPlanTest) and a 1.3 MB header: 87 MiB
        assertTrue(text.lines().anyMatch(l -> l.startsWith("smollm2-135m ") && l.endsWith(" 87 MiB")), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--format gguf --quant int4|--quant: for --format gguf expected f16, q8_0 or q4_0, got 'int4'",
        "--quant q4_0|--quant: expected fp32, fp16, int8 or int4, got 'q4_0'",
        "--format gguf --attention standard|--attention: applies to --format onnx only; a GGUF twin carries its"
                + " generated tokenizer and leaves the graph to llama.cpp",
        "--format gguf --block-size 128|--block-size: applies to --format onnx only; a GGUF twin carries its"
                + " generated tokenizer and leaves the graph to llama.cpp",
        "--format safetensors|--format: expected onnx or gguf, got 'safetensors'"
    })
    void badCombinationsAreOneLineAndWriteNothing(String options, String message) throws Exception {
        String[] args = Stream.concat(Stream.of("--config", config(), "--out", dir.resolve("t").toString()),
                Stream.of(options.split(" "))).toArray(String[]::new);
        assertEquals(2, run(args));
        assertEquals("unitcost: " + message, err.toString().strip());
        assertEquals(List.of("config.json"), entries());
        assertFalse(Files.exists(dir.resolve("t")));
    }
}
