package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generation run end to end on a tiny twin written by the real synth command, in-process. */
class RunGenerationTest {

    @TempDir
    static Path dir;

    static Path project;
    static Path decoder;

    @BeforeAll
    static void writeTwin() throws Exception {
        System.setProperty("unitcost.cache", TestModels.CACHE.toString());
        project = TestProject.create(dir.resolve("project"));
        decoder = dir.resolve("tiny-decoder");
        Path config = Path.of(RunGenerationTest.class.getResource("/fixtures/tiny-decoder/config.json").toURI());
        CliRunner.Outcome synth = CliRunner.run("synth", "--config", config.toString(), "--quant", "fp32", "--out", decoder.toString());
        assertEquals(0, synth.exitCode(), synth.err());
    }

    private CliRunner.Outcome run(Path results, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--project-dir", project.toString(),
                "--results-dir", results.toString(), "--hardware", "test-rented", "--quiet"));
        args.addAll(java.util.List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void measuresEveryPointWithRawTimings() throws Exception {
        Path results = dir.resolve("results");
        CliRunner.Outcome o = run(results, "--model", decoder.toString(), "--workload", "tiny-gen");
        assertEquals(0, o.exitCode(), o.err());
        JsonResultStore store = new JsonResultStore(results);
        RunReport report = store.load(store.history().get(0).runId());
        assertEquals("generation", report.result().kind());
        assertEquals("twin", report.header().model().kind());
        assertEquals(4, dev.unitcost.result.RunReports.generation(report).points().size(), "2 batch sizes x 1 input length x 2 output lengths");
        for (GenerationPoint p : dev.unitcost.result.RunReports.generation(report).points()) {
            assertEquals("ok", p.status());
            assertEquals(3, p.repetitions().size());
            p.repetitions().forEach(r -> {
                assertEquals((long) p.batchSize() * p.inputLength(), r.promptTokens());
                assertEquals((long) p.batchSize() * p.outputLength(), r.outputTokens(), "forced output length");
            });
            if (p.outputLength() == 1) {
                assertNull(p.latencies().tpot(), "one output token has no TPOT");
                assertNull(p.decodeTokensPerSecond());
            } else {
                assertEquals(3L * p.batchSize(), p.latencies().tpot().count(), "one TPOT per request");
                assertEquals(3L * p.batchSize() * (p.outputLength() - 1), p.latencies().itl().count(), "ITL pools every gap");
                assertNotNull(p.decodeMbu());
            }
        }
        assertTrue(dev.unitcost.result.RunReports.generation(report).decoder().kvBytesPerToken() == 2L * 2 * 2 * 16 * 4, "2 x layers x kvHeads x headDim x fp32");
        assertTrue(o.out().contains("shape twin"), o.out());
        assertTrue(o.out().contains("TTFT p50 ms"), o.out());
    }

    @Test
    void reportSchemaMatchesTheGoldenFile() throws Exception {
        Path results = dir.resolve("results-json");
        CliRunner.Outcome o = run(results, "--model", decoder.toString(), "--workload", "tiny-gen", "--batch-sizes", "2",
                "--repetitions", "1", "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        dev.unitcost.result.SchemaPaths.assertMatchesGolden(o.out(), "generation-report-v2.paths");
    }

    private void assertBadInput(CliRunner.Outcome o, Path results, String... fragments) throws Exception {
        assertEquals(2, o.exitCode(), o.err());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), line);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + line + "' should mention '" + f + "'");
        }
        assertEquals(0, TestProject.fileCount(results), "no result file");
    }

    @Test
    void directoryWithoutOnnxFiles() throws Exception {
        Path empty = dir.resolve("no-onnx");
        Files.createDirectories(empty.resolve("onnx"));
        Files.copy(decoder.resolve("config.json"), empty.resolve("config.json"));
        Path results = dir.resolve("r1");
        assertBadInput(run(results, "--model", empty.toString(), "--workload", "tiny-gen"), results, "no .onnx files");
    }

    @Test
    void inputBeyondTheContext() throws Exception {
        Files.writeString(project.resolve("profiles/workloads/long.yaml"), Files.readString(project.resolve("profiles/workloads/tiny-gen.yaml"))
                .replace("name: tiny-gen", "name: long").replace("inputLengths: [8]", "inputLengths: [100]"));
        Path results = dir.resolve("r2");
        assertBadInput(run(results, "--model", decoder.toString(), "--workload", "long"), results,
                "long.yaml", "reach 104 tokens, beyond the model's context of 96");
    }

    @Test
    void tokenizerLargerThanTheModel() throws Exception {
        Path small = dir.resolve("small-vocab");
        TestProject.copyTree(decoder, small);
        String config = Files.readString(small.resolve("config.json"));
        Files.writeString(small.resolve("config.json"), config.replaceFirst("\"vocab_size\"\\s*:\\s*512", "\"vocab_size\" : 300"));
        Path results = dir.resolve("r3");
        assertBadInput(run(results, "--model", small.toString(), "--workload", "tiny-gen"), results,
                "tokenizer's vocabulary exceeds the model's", "vocab_size 300");
    }

    @Test
    void cudaAskedForWithoutIt() throws Exception {
        Path results = dir.resolve("r4");
        assertBadInput(run(results, "--model", decoder.toString(), "--workload", "tiny-gen", "--device", "cuda"), results,
                "--device: cuda asked for, but CUDA cannot be used");
    }

    @Test
    void aDecoderOnAnEncoderOnlyEngineStopsBeforeMeasuring() throws Exception {
        Path results = dir.resolve("r6");
        assertBadInput(run(results, "--model", decoder.toString(), "--workload", "tiny-gen", "--engine", "djl"), results,
                "--engine: djl runs encoder models only");
    }

    @Test
    void aTwinTooShortForTheWorkloadIsNotWritten() throws Exception {
        Files.writeString(project.resolve("profiles/workloads/huge.yaml"), Files.readString(project.resolve("profiles/workloads/tiny-gen.yaml"))
                .replace("name: tiny-gen", "name: huge").replace("inputLengths: [8]", "inputLengths: [9000]"));
        Path results = dir.resolve("r7");
        Path cache = dir.resolve("empty-cache");
        String before = System.getProperty("unitcost.cache");
        System.setProperty("unitcost.cache", cache.toString());
        try {
            assertBadInput(run(results, "--model", "twin:smollm2-135m:int4", "--workload", "huge"), results,
                    "huge.yaml", "beyond the model's context of 8192");
        } finally {
            System.setProperty("unitcost.cache", before);
        }
        assertEquals(0, TestProject.fileCount(cache), "no twin written");
    }

    @Test
    void embeddingWorkloadOnADecoder() throws Exception {
        Path results = dir.resolve("r5");
        assertBadInput(run(results, "--model", decoder.toString(), "--workload", "tiny"), results, "is a decoder LLM");
    }
}
