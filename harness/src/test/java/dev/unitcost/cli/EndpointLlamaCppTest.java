package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.NodeChecks;
import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.load.Tally;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TwinProgress;
import dev.unitcost.synth.gguf.GgufQuant;
import dev.unitcost.synth.gguf.GgufTwinPlan;
import dev.unitcost.synth.gguf.GgufTwinWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --endpoint} end to end: the real streaming client against a real OpenAI-compatible server doing real
 * inference, llama.cpp (node-llama-cpp's prebuilt CPU build) serving a small GGUF twin from
 * {@code src/test/node/llama-cpp-check/serve.mjs}, over loopback. No figure is asserted, only what must hold on any
 * machine: every request completes, the server's usage is there, forced length is honoured, the run is priced on
 * this machine's profile (a loopback server runs here) and stored; and a server that dies mid-run leaves a stored
 * report with its failures counted by kind. Skipped, with the reason, where Node or the package is missing
 * ({@code .ci/run} installs it on Linux x64).
 */
class EndpointLlamaCppTest {

    private static final Path CHECK = NodeChecks.LLAMA_CPP_CHECK;
    /** Llama-shaped and small: 2 layers of width 256, a 1,024-token vocabulary. */
    private static final DecoderArchitecture TINY = new DecoderArchitecture("llama", 256, 2, 4, 2, 64, 512, 1024, false, false,
            500000.0, 1e-5, 1024, null);

    @TempDir
    Path dir;

    Path project;
    Path results;
    Process server;

    @BeforeEach
    void setUp() throws Exception {
        NodeChecks.assumeLlamaCpp();
        project = TestProject.create(dir.resolve("project"));
        results = dir.resolve("results");
        System.setProperty("unitcost.cache", TestModels.CACHE.toString());
        Files.writeString(project.resolve("profiles/workloads/endpoint-llama.yaml"), String.join("\n",
                "name: endpoint-llama", "task: endpoint", "description: one and two users, small requests", "concurrency: [1, 2]",
                "inputLength: 24", "outputLength: 8", "requests: 4", "warmupRequests: 1", "repetitions: 2",
                "adaptive: {targetCi: 0, maxRepetitions: 2, maxPointSeconds: 60}", ""));
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRealLlamaCppServerIsMeasuredPricedAndStored() throws Exception {
        int port = startServer(Map.of());
        CliRunner.Outcome o = CliRunner.run(args(port));
        assertEquals(ExitCodes.OK, o.exitCode(), o.err() + o.out());
        RunReport report = ReportJson.mapper().readValue(Files.readString(onlyReport()), RunReport.class);
        EndpointResult r = (EndpointResult) report.result();
        assertEquals(0, r.failedRequests());
        assertEquals(2, r.points().size());
        for (EndpointPoint p : r.points()) {
            for (Tally t : p.repetitions()) {
                assertEquals(4, t.ok(), p.label());
                assertEquals(t.ok() * 8L, t.usageOutputTokens(), "the server generated the forced 8 tokens a request");
                assertEquals(t.forcedAsked(), t.forcedHonoured(), "llama.cpp honours ignore_eos");
            }
            assertTrue(p.outputTokensPerSecond().median() > 0, p.label());
        }
        JsonNode json = new ObjectMapper().readTree(Files.readString(onlyReport()));
        assertEquals("endpoint", json.path("result").path("kind").asText());
        assertTrue(o.out().contains("unitcost-llama-cpp-check"), "the server is named as it names itself: " + o.out());
        assertNotNull(report.cost(), "a loopback server runs on this machine: priced on its profile");
    }

    @Test
    void aServerThatDiesMidRunLeavesAStoredReportWithItsFailuresCounted() throws Exception {
        // dies during the fourth streamed request: after the preflight's probe, the warmup request and one measured
        // request of the first point (one user, so in that order)
        int port = startServer(Map.of("UNITCOST_SERVE_DIE_AFTER", "4"));
        CliRunner.Outcome o = CliRunner.run(args(port));
        assertEquals(ExitCodes.REQUEST_ERRORS, o.exitCode(), o.err() + o.out());
        EndpointResult r = (EndpointResult) ReportJson.mapper().readValue(Files.readString(onlyReport()), RunReport.class).result();
        Map<String, Integer> failed = new TreeMap<>();
        int ok = 0;
        for (EndpointPoint p : r.points()) {
            p.failed().forEach((k, v) -> failed.merge(k, v, Integer::sum));
            p.warmupFailed().forEach((k, v) -> failed.merge(k, v, Integer::sum));
            ok += p.repetitions().stream().mapToInt(Tally::ok).sum();
        }
        // the request the server died in is lost; one sent while the dying process still accepted connections may be too (a
        // race with the process's exit, seen on a loaded machine), so at least one
        assertTrue(failed.getOrDefault("connection lost", 0) >= 1, "the request the server died in: " + failed);
        assertTrue(failed.getOrDefault("connection refused", 0) > 0, "then nothing listens: " + failed);
        assertEquals(1, ok, "the one measured request before it died: " + failed);
        assertEquals(r.failedRequests(), failed.values().stream().mapToInt(Integer::intValue).sum());
    }

    private String[] args(int port) {
        return new String[] {"run", "--project-dir", project.toString(), "--results-dir", results.toString(), "--quiet", "--workload",
            "endpoint-llama", "--endpoint", "http://127.0.0.1:" + port, "--served-model", "tiny-llama"};
    }

    /** Writes the twin, starts the server on a free port and returns the port it reports once the model is loaded. */
    private int startServer(Map<String, String> environment) throws Exception {
        Path gguf = new GgufTwinWriter(x -> Long.MAX_VALUE, TwinProgress.NONE)
                .write(new GgufTwinPlan(TINY, GgufQuant.Q8_0, 7, new GgufTwinPlan.Facts(null, 1, 2)), dir.resolve("twin"));
        ProcessBuilder pb = new ProcessBuilder("node", "serve.mjs", gguf.toAbsolutePath().toString(), "0", "tiny-llama", "2")
                .directory(CHECK.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(environment);
        server = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertNotNull(first, "serve.mjs ended before listening");
        return new ObjectMapper().readTree(first).path("port").asInt();
    }

    private Path onlyReport() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            List<Path> json = new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).toList());
            assertEquals(1, json.size(), "one stored report: " + json);
            return json.get(0);
        }
    }
}
