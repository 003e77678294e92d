package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost project} in-process, on fixture profiles and a fixture device (never the shipped prices). */
class ProjectCommandTest {

    @TempDir
    Path tmp;

    private Path project;
    private Path gpuProfile;

    @BeforeEach
    void fixtures() throws IOException {
        project = TestProject.create(tmp.resolve("project"));
        Path devices = Files.createDirectories(project.resolve("profiles/devices"));
        Files.writeString(devices.resolve("test-gpu.yaml"), String.join("\n",
                "name: test-gpu", "kind: gpu", "description: a fixture GPU", "source: test fixture", "asOf: 2026-11-30",
                "memoryBandwidthBytesPerSecond: 1000000000000", "fp16FlopsPerSecond: 100000000000000", "int8OpsPerSecond: null",
                "fp8FlopsPerSecond: null", "memoryBytes: 24000000000", "boardWatts: 300", "interconnect: null", ""));
        gpuProfile = tmp.resolve("test-gpu-profile.yaml");
        Files.writeString(gpuProfile, String.join("\n", "type: rented", "name: test-gpu-profile", "description: fixture",
                "source: test fixture", "asOf: 2026-11-30", "usdPerHour: 3.60", "devices: 1", "device: test-gpu", ""));
    }

    private CliRunner.Outcome run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "project";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--project-dir";
        all[args.length + 2] = project.toString();
        return CliRunner.run(all);
    }

    @Test
    void jsonIsLabelledProjectedAndPriced() throws IOException {
        CliRunner.Outcome o = run("--model", "twin:llama-3.1-8b:int4", "--hardware", gpuProfile.toString(),
                "--workload", "tiny-gen", "--format", "json");
        assertEquals(ExitCodes.OK, o.exitCode(), o.err());
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertTrue(root.path("label").asText().startsWith("projected"));
        assertEquals("tiny-gen", root.path("workload").asText());
        JsonNode row = root.path("profiles").get(0);
        assertEquals("test-gpu-profile", row.path("profile").asText());
        assertEquals(1e12, row.path("physics").path("bandwidthBytesPerSecond").asDouble());
        assertEquals(4, row.path("points").size()); // batch 1, 3 × input 8 × output 1, 4
        assertTrue(row.path("prices").path("points").size() == 4);
        assertTrue(row.path("physics").path("bandwidthSource").asText().contains("test-gpu"));
    }

    @Test
    void tableSaysProjectedAndNamesItsInputs() {
        CliRunner.Outcome o = run("--model", "twin:llama-3.1-8b:fp16", "--hardware", gpuProfile.toString(), "--workload", "tiny-gen");
        assertEquals(ExitCodes.OK, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("Projected (not measured)"), o.out());
        assertTrue(o.out().contains("efficiency: defaults: decode 0.7"), o.out());
        assertTrue(o.out().contains("test-gpu (gpu), 1 TB/s"), o.out());
    }

    @Test
    void bandwidthOnTheCommandLineServesAProfileWithoutDevice() {
        CliRunner.Outcome o = run("--model", "twin:smollm2-135m:int4", "--hardware", "test-rented", "--workload", "tiny-gen",
                "--bandwidth", "9e10", "--peak-flops", "1e12", "--format", "csv");
        assertEquals(ExitCodes.OK, o.exitCode(), o.err());
        assertTrue(o.out().contains("test-rented,test-rented"), o.out());
        assertTrue(o.out().contains("memory unknown"), o.out());
    }

    @Test
    void runCalibratesTheEfficiencies() throws Exception {
        Path report = Path.of(ProjectCommandTest.class.getResource("/golden/generation-fake-run-v2.json").toURI());
        // the fixture run (not a twin: its decoder facts serve), batch 2, 16 in / 5 out, 1,818.18 tok/s decode:
        // bytes per step 3,000,000 + 64 × (16 + 5/2) × 2 = 3,002,368 over 2 / 1,818.18 s = 2.7294e9 B/s achieved;
        // against --bandwidth 5.4588e9 that is 0.5. Prefill 2 × 1,000,000 FLOPs × 3,200 tok/s = 6.4e9 FLOP/s, the peak
        // when none is given (so 1.0)
        CliRunner.Outcome o = run("--model", "twin:smollm2-135m:int4", "--hardware", "test-rented", "--workload", "tiny-gen",
                "--run", report.toString(), "--bandwidth", "5.4588e9", "--format", "json");
        assertEquals(ExitCodes.OK, o.exitCode(), o.err());
        JsonNode e = new ObjectMapper().readTree(o.out()).path("efficiency");
        assertEquals(0.5, e.path("decode").asDouble(), 1e-4);
        assertEquals(1.0, e.path("prefill").asDouble(), 1e-9);
        assertTrue(e.path("source").asText().startsWith("calibrated on run"), e.toString());
        CostBadInputTest.fails(args("--model", "twin:smollm2-135m:int4", "--hardware", "test-rented", "--run", report.toString(),
                "--bandwidth", "1e9"), "--run: the run achieved");
    }

    @Test
    void measuredSetsEachStoredPointBesideItsProjection() throws Exception {
        // the fixture run, relabelled as a run of the twin we project: its one decode point (batch 2, 16 in / 5 out,
        // 1,818.18 tok/s, prefill 3,200 tok/s) beside the projection of that point at the stated efficiencies
        String json = Files.readString(Path.of(ProjectCommandTest.class.getResource("/golden/generation-fake-run-v2.json").toURI()))
                .replace("\"model\" : \"tiny-qwen\"", "\"model\" : \"twin:smollm2-135m:int4\"");
        assertTrue(json.contains("twin:smollm2-135m:int4"));
        Path report = Files.writeString(tmp.resolve("relabelled.json"), json);
        CliRunner.Outcome o = run("--model", "twin:smollm2-135m:int4", "--hardware", "test-rented", "--workload", "tiny-gen",
                "--bandwidth", "9e10", "--peak-flops", "1e12", "--measured", report.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, o.exitCode(), o.err());
        JsonNode checks = new ObjectMapper().readTree(o.out()).path("checks");
        assertEquals(1, checks.size(), checks.toString());
        JsonNode c = checks.get(0);
        assertEquals(2, c.path("batchSize").asInt());
        assertEquals(1818.18, c.path("measuredDecodeTokensPerSecond").asDouble(), 0.01);
        assertEquals(3200, c.path("measuredPrefillTokensPerSecond").asDouble(), 1e-6);
        // test-rented names no device: a CPU by its machine, so the step is reads + arithmetic at the defaults
        // (0.7 of 9e10 B/s, 0.5 of 1e12 FLOP/s), from the twin's facts at a mean context of 16 + 5/2
        dev.unitcost.model.ModelLoad m = dev.unitcost.synth.TwinCache.modelLoad("twin:smollm2-135m:int4");
        double bytes = m.weightBytesReadPerStep(2) + m.kvBytesPerTokenPerSequence() * 18.5 * 2;
        double step = bytes / (9e10 * 0.7) + 2 * m.flopsPerToken(18.5) / (1e12 * 0.5);
        assertEquals(2 / step, c.path("projectedDecodeTokensPerSecond").asDouble(), 2 / step * 1e-9);
        assertEquals(2 / step / 1818.1818 - 1, c.path("decodeError").asDouble(), 1e-6);
        // the same through the results history: the newest generation run of that model
        Path results = tmp.resolve("results");
        new dev.unitcost.result.JsonResultStore(results).save(new dev.unitcost.result.JsonResultStore(tmp).load(report.toString()));
        CliRunner.Outcome last = run("--model", "twin:smollm2-135m:int4", "--hardware", "test-rented", "--workload", "tiny-gen",
                "--bandwidth", "9e10", "--peak-flops", "1e12", "--results-dir", results.toString(), "--measured",
                "last:twin:smollm2-135m:int4", "--format", "json");
        assertEquals(ExitCodes.OK, last.exitCode(), last.err());
        assertEquals(checks, new ObjectMapper().readTree(last.out()).path("checks"));
        CostBadInputTest.fails(args("--model", "twin:smollm2-135m:int4", "--hardware", "test-rented", "--bandwidth", "9e10",
                "--peak-flops", "1e12", "--workload", "tiny-gen", "--results-dir", results.toString(), "--run", "last:twin:nope:int4"),
                "--run: no stored generation run of twin:nope:int4 in");
        CostBadInputTest.fails(args("--model", "twin:qwen2.5-0.5b:int4", "--hardware", "test-rented", "--bandwidth", "9e10",
                "--peak-flops", "1e12", "--workload", "tiny-gen", "--measured", report.toString()), "--measured: '" + report + "' measured twin:smollm2-135m:int4, not");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CostBadInputTest.fails(args("--model", "twin:llama-3.1-8b:int4", "--hardware", "no-such-profile"),
                "unknown hardware profile 'no-such-profile'");
        CostBadInputTest.fails(args("--model", "twin:llama-3.1-8b:int4", "--hardware", "test-rented"),
                "--bandwidth: needed: profile test-rented names no device");
        CostBadInputTest.fails(args("--model", "twin:no-such-preset:int4", "--hardware", "test-rented"), "unknown preset 'no-such-preset'");
        CostBadInputTest.fails(args("--model", "models/x", "--hardware", "test-rented"), "--model: expected twin:PRESET:QUANT");
        CostBadInputTest.fails(args("--model", "twin:llama-3.1-8b:int4", "--hardware", "test-rented", "--bandwidth", "-1"),
                "--bandwidth: must be a positive number");
    }

    @Test
    void mixtureOfExpertsTwinsAreNotWritten() {
        CostBadInputTest.fails(new String[] {"synth", "--preset", "mixtral-8x7b", "--out", tmp.resolve("twin").toString()},
                "--preset: 'mixtral-8x7b' is a mixture of experts");
    }

    private String[] args(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "project";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--project-dir";
        all[args.length + 2] = project.toString();
        return all;
    }
}
