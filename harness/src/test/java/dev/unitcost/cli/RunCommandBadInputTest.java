package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line naming file, field and expectation; exit 2; no result file. */
class RunCommandBadInputTest {

    @TempDir
    Path dir;

    Path project;
    Path results;

    @BeforeEach
    void setUp() {
        project = TestProject.create(dir.resolve("project"));
        results = dir.resolve("results");
        System.setProperty("unitcost.cache", TestModels.CACHE.toString());
    }

    private CliRunner.Outcome run(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--project-dir", project.toString(),
                "--results-dir", results.toString(), "--quiet"));
        java.util.List<String> given = java.util.List.of(extra);
        if (!given.contains("--hardware")) {
            args.addAll(java.util.List.of("--hardware", "test-cpu"));
        }
        if (!given.contains("--workload")) {
            args.addAll(java.util.List.of("--workload", "tiny"));
        }
        args.addAll(given);
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void assertBadInput(CliRunner.Outcome o, String... fragments) throws Exception {
        assertEquals(2, o.exitCode(), o.err());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), "one line: " + line);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + line + "' should mention '" + f + "'");
        }
        assertEquals(0, TestProject.fileCount(results), "no result file");
    }

    @Test
    void missingModelPath() throws Exception {
        assertBadInput(run("--model", dir.resolve("nowhere/model.onnx").toString()), "--model", "nowhere/model.onnx", "no such file");
    }

    @Test
    void malformedYamlProfileNamesTheLine() throws Exception {
        Files.writeString(project.resolve("profiles/hardware/broken.yaml"),
                "type: rented\nname: broken\nsource: x\nasOf: 2026-01-01\nusdPerHour: 2.99\ndescription: \"unclosed\n");
        assertBadInput(run("--hardware", "broken"), "broken.yaml:6: (syntax)", "quoted scalar");
    }

    @Test
    void unknownHardwareListsKnownOnes() throws Exception {
        assertBadInput(run("--hardware", "h900"), "unknown hardware profile 'h900'", "known: test-cpu, test-rented");
    }

    @Test
    void negativePriceNamesFileAndField() throws Exception {
        Files.writeString(project.resolve("profiles/hardware/negative.yaml"),
                "type: rented\nname: negative\nsource: x\nasOf: 2026-01-01\nusdPerHour: -1.5\n");
        assertBadInput(run("--hardware", "negative"), "negative.yaml", "usdPerHour must be >= 0, got -1.5");
    }

    @Test
    void negativeApiPriceInARateCard() throws Exception {
        Files.writeString(project.resolve("profiles/ratecards/bad.yaml"),
                "provider: bad\nsource: x\nasOf: 2026-01-01\nmodels:\n  - {model: m, mode: embedding, input: -0.02}\n");
        assertBadInput(run(), "bad.yaml", "models[0]", "input must be >= 0");
    }

    @Test
    void batchSizeZero() throws Exception {
        assertBadInput(run("--batch-sizes", "1,0"), "--batch-sizes", "every batch size must be >= 1, got 0");
    }

    @Test
    void batchSizeZeroInAWorkloadFile() throws Exception {
        Files.writeString(project.resolve("profiles/workloads/zero.yaml"), Files.readString(project.resolve("profiles/workloads/tiny.yaml"))
                .replace("batchSizes: [1, 2]", "batchSizes: [0]").replace("name: tiny", "name: zero"));
        assertBadInput(run("--workload", "zero"), "zero.yaml:", "batchSizes: every batch size must be >= 1, got 0");
    }

    @Test
    void unknownEngine() throws Exception {
        assertBadInput(run("--engine", "tensorrt"), "--engine", "unknown engine 'tensorrt'", "ort");
    }

    @Test
    void directoryWithoutAModel() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-model"));
        assertBadInput(run("--model", empty.toString()), "empty-model", "found none");
    }
}
