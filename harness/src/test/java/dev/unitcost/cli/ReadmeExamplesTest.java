package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TestTwins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in the README's "Examples:" block runs as written and means what it says, in
 * process, on small inputs: each `run` gets the fixture project, its tiny workload and one fixed
 * repetition; a real download is stood in for by a tiny twin of the same layout; the Qwen twin by
 * the SmolLM2 twin (the same code path, a fifth of the weights); stored reports come from the runs
 * before. A new example fails this test until it is given a check below.
 */
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    Path project;
    Path results;
    List<List<String>> examples;
    final Map<String, Path> stored = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("unitcost.cache", TestModels.CACHE.toString());
        project = TestProject.create(dir.resolve("project"));
        Files.copy(Path.of(CostCli.PROJECT, "profiles/hardware/runpod-h100-sxm.yaml"),
                project.resolve("profiles/hardware/runpod-h100-sxm.yaml"));
        results = dir.resolve("results");
        examples = examples(Files.readString(TestModels.ROOT.resolve("README.md"), StandardCharsets.UTF_8));
    }

    /** The command lines of the README's "Examples:" block, comments dropped. */
    static List<List<String>> examples(String readme) {
        int start = readme.indexOf("```", readme.indexOf("\nExamples:"));
        String block = readme.substring(start + 3, readme.indexOf("```", start + 3));
        List<List<String>> out = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            String command = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            List<String> words = new ArrayList<>(Arrays.asList(command.strip().split("\\s+")));
            assertEquals("./unitcost", words.remove(0), line);
            out.add(words);
        }
        return out;
    }

    CliRunner.Outcome run(List<String> example, String... smallInputs) {
        List<String> args = new ArrayList<>(example);
        if (args.get(0).equals("run")) {
            args.addAll(List.of("--project-dir", project.toString(), "--results-dir", results.toString(), "--quiet",
                    "--repetitions", "1", "--target-ci", "0"));
        }
        args.addAll(List.of(smallInputs));
        return CliRunner.run(args.toArray(String[]::new));
    }

    RunReport last() {
        JsonResultStore store = new JsonResultStore(results);
        var history = store.history();
        return store.load(history.get(history.size() - 1).runId());
    }

    List<String> example(String... startingWith) {
        List<String> prefix = List.of(startingWith);
        List<List<String>> found = new ArrayList<>();
        for (List<String> e : examples) {
            if (e.size() >= prefix.size() && e.subList(0, prefix.size()).equals(prefix)) {
                found.add(e);
            }
        }
        assertEquals(1, found.size(), "one README example starts with " + prefix + ": " + examples);
        return found.get(0);
    }

    @Test
    void everyExampleIsCheckedHere() {
        assertEquals(7, examples.size(), "a new README example needs its own check in this test: " + examples);
    }

    @Test
    void theExamplesRunAsWrittenAndMeanWhatTheySay() throws IOException {
        // generation on a Qwen2.5-0.5B int4 twin (here the SmolLM2 twin, the same path at a fifth of the size)
        List<String> twin = new ArrayList<>(example("run", "--model", "twin:qwen2.5-0.5b:int4"));
        twin.set(2, "twin:smollm2-135m:int4");
        CliRunner.Outcome o = run(twin, "--workload", "tiny-gen");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("generation", last().result().kind());
        assertEquals("twin", last().header().model().kind());

        // a real onnx-community download (here a tiny twin in the same directory layout)
        List<String> download = new ArrayList<>(example("run", "--model", "~/models/Qwen2.5-0.5B-Instruct"));
        download.set(2, TestTwins.tinyQwenInt4(Files.createDirectories(dir.resolve("download"))).toString());
        o = run(download, "--workload", "tiny-gen");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("q4", last().header().model().quantization());

        // the MiniLM sweep through DJL
        o = run(example("run", "--model", "all-minilm-l6-v2-q", "--engine", "djl"), "--workload", "tiny");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("djl", last().header().config().engine());
        assertEquals(List.of(1, 16), ((dev.unitcost.workload.EmbeddingWorkload) last().header().config().workload()).batchSizes());
        stored.put("djl", results.resolve(last().runId() + ".json"));

        // this machine's throughput at an H100's price, labelled so
        o = run(example("run", "--price-as"), "--workload", "tiny");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("PRICED AS runpod-h100-sxm, MEASURED ON"), o.out());
        stored.put("priced-as", results.resolve(last().runId() + ".json"));

        // the monthly bill of a workload at an API
        o = CostCli.run(example("cost").toArray(String[]::new));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("API"), o.out());

        // a stored run at another machine's price, labelled so
        List<String> reprice = new ArrayList<>(example("reprice"));
        reprice.set(1, stored.get("djl").toString());
        reprice.addAll(List.of("--project-dir", project.toString()));
        o = CliRunner.run(reprice.toArray(String[]::new));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("PRICED AS runpod-h100-sxm, MEASURED ON"), o.out());

        // a run against a baseline, exit 1 if worse: a like run (the same one), since unlike runs are refused
        List<String> compare = new ArrayList<>(example("compare"));
        compare.set(1, stored.get("djl").toString());
        compare.set(2, stored.get("djl").toString());
        o = CliRunner.run(compare.toArray(String[]::new));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("no regression"), o.out());
        compare.set(1, stored.get("priced-as").toString());
        o = CliRunner.run(compare.toArray(String[]::new));
        assertEquals(2, o.exitCode(), o.out());
        assertTrue(o.err().contains("unlike runs: engine ort → djl"), o.err());
    }
}
