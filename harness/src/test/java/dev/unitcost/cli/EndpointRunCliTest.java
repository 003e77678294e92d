package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.InputException;
import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.engine.endpoint.StreamingClientFactory;
import dev.unitcost.load.ScriptedServer;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --endpoint} through the real command line, with a scripted server injected as the client factory. */
class EndpointRunCliTest {

    static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    Path project;
    Path results;

    @BeforeEach
    void setUp() throws Exception {
        project = TestProject.create(dir.resolve("project"));
        results = dir.resolve("results");
        System.setProperty("unitcost.cache", TestModels.CACHE.toString());
        Files.writeString(project.resolve("profiles/workloads/endpoint-test.yaml"), String.join("\n",
                "name: endpoint-test", "task: endpoint", "description: two users, small requests", "concurrency: [1, 2]",
                "inputLength: 16", "outputLength: 8", "requests: 4", "warmupRequests: 1", "repetitions: 2",
                "adaptive: {targetCi: 0, maxRepetitions: 2, maxPointSeconds: 60}", ""));
    }

    static StreamingClientFactory scripted(int diesAfter) {
        return config -> new ScriptedServer(load -> new ScriptedServer.Timing(50 * MS, 10 * MS), new ScriptedServer.VirtualClock(),
                diesAfter, true);
    }

    private CliRunner.Outcome run(StreamingClientFactory clients, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--project-dir", project.toString(), "--results-dir", results.toString(),
                "--quiet", "--workload", "endpoint-test"));
        List<String> given = List.of(extra);
        if (!given.contains("--hardware")) {
            args.addAll(List.of("--hardware", "test-cpu"));
        }
        if (!given.contains("--endpoint")) {
            args.addAll(List.of("--endpoint", "http://127.0.0.1:8000"));
        }
        if (!given.contains("--served-model")) {
            args.addAll(List.of("--served-model", "scripted-model"));
        }
        args.addAll(given);
        return CliRunner.run(clients, args.toArray(String[]::new));
    }

    private Path onlyReport() throws Exception {
        try (Stream<Path> files = Files.list(results)) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), "one stored report: " + json);
            return json.get(0);
        }
    }

    @Test
    void aScriptedServerIsMeasuredPricedAndStoredAndTheReportRoundTrips() throws Exception {
        CliRunner.Outcome o = run(scripted(Integer.MAX_VALUE), "--slo", "ttft_p99=80ms", "--format", "table");
        assertEquals(0, o.exitCode(), o.err() + o.out());
        assertTrue(o.out().contains("concurrency 2"), o.out());
        assertTrue(o.out().contains("highest load meeting it: concurrency 2"), o.out());
        // the price section names loads, not batches: concurrency 2 runs two users in lockstep, 4 requests of 120 ms over a
        // 240 ms window = 2.0 in flight; each request 100 prompt tokens (usage) and 8 out
        assertTrue(o.out().contains("cheapest point at 3:1: concurrency "), o.out());
        assertTrue(o.out().contains("scripted-model served at http://127.0.0.1:8000 (server "), o.out());
        // the scripted server counts 100 prompt tokens a request where 16 were planned (no tokenizer): the report says so
        assertTrue(o.out().contains("input measured: a mean of 100.0 prompt tokens per request by the server's count, against 16 planned"),
                o.out());
        assertTrue(!o.out().contains("quantisation unknown) on endpoint"), o.out());
        assertTrue(o.out().matches("(?s).*\\n\\s*concurrency 2\\s+2\\.0\\s+100\\s+8\\s.*"), o.out());
        assertTrue(!o.out().contains("cheapest point at 3:1: batch"), o.out());
        Path saved = onlyReport();
        String text = Files.readString(saved);
        RunReport report = ReportJson.mapper().readValue(text, RunReport.class);
        assertEquals(text.strip(), ReportJson.write(report).strip(), "the stored report reads back to the same bytes");
        EndpointResult r = (EndpointResult) report.result();
        assertEquals(2, r.points().size());
        assertEquals(0, r.failedRequests());
        assertNotNull(report.cost(), "priced on the local machine's profile");
        assertEquals(2, report.cost().points().size());
        // 8 output tokens: E2E 50 + 7 x 10 = 120 ms; at 2 users 2 x 8 / 0.12 s output tokens/s
        assertEquals(16 / 0.12, r.points().get(1).outputTokensPerSecond().median(), 1e-9);
        // the history lists that measured rate (the highest point's), not the busy-time share pricing uses
        assertEquals(16 / 0.12, new dev.unitcost.result.JsonResultStore(results).history().get(0).bestTokensPerSecond(), 1e-9);
        // a report stored before every ok request's tokens were counted reads them as 0: it keeps its window's lengths and
        // its token totals, and claims no measured prompt length
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ReportJson.mapper().readTree(text);
        tree.findParents("requestInputTokens").forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n)
                .remove(List.of("requestInputTokens", "requestOutputTokens")));
        RunReport older = ReportJson.mapper().treeToValue(tree, RunReport.class);
        EndpointResult olderResult = (EndpointResult) older.result();
        assertEquals(100, olderResult.pricePoints("old").get(1).inputLength());
        assertEquals(8, olderResult.pricePoints("old").get(1).outputLength().orElseThrow());
        assertTrue(olderResult.inputTokens() > 0);
        java.io.StringWriter olderTable = new java.io.StringWriter();
        dev.unitcost.report.ReportFormats.byName("table").write(older, olderTable);
        assertTrue(!olderTable.toString().contains("input measured"), olderTable.toString());
        // a point whose repetitions an interrupt cut short says so in the table, not only in the CSV
        EndpointPoint last = r.points().get(1);
        EndpointResult cut = new EndpointResult(r.endpoint(), r.servedModel(), r.api(), r.local(), r.server(), r.slos(), List.of(
                r.points().get(0), new EndpointPoint(last.load(), last.level(), last.warmupRequests(), last.warmupFailed(),
                        last.repetitions(), last.latencies(), last.slo(), last.status(), "interrupted")));
        java.io.StringWriter table = new java.io.StringWriter();
        dev.unitcost.report.ReportFormats.byName("table").write(new RunReport(report.schemaVersion(), report.header(), cut, report.cost()), table);
        // the HTML summary shows the cheapest point's measured output rate (as the table does), not the busy-split pricing rate
        java.io.StringWriter html = new java.io.StringWriter();
        dev.unitcost.report.ReportFormats.byName("html").write(report, html);
        EndpointPoint cheapest = r.pricedPoints().get(report.cost().bestPoint());
        String card = String.format(java.util.Locale.ROOT, "%,.1f output tokens/s", cheapest.outputTokensPerSecond().median());
        assertTrue(html.toString().contains(card), card + " in " + html);
        assertTrue(html.toString().contains(cheapest.label() + " ("), html.toString());
        assertTrue(table.toString().matches("(?s).*concurrency 2 .*±[0-9.]+%\\s+2 \\(interrupted\\).*"), table.toString());
    }

    @Test
    void storedEndpointRunsAreRenderedComparedAndListed() throws Exception {
        // a remote server: no telemetry of this machine, so no estimated energy that differs from run to run
        String[] remote = {"--slo", "ttft_p99=80ms", "--endpoint", "http://10.255.255.1:8000", "--hardware", "test-rented"};
        assertEquals(0, run(scripted(Integer.MAX_VALUE), remote).exitCode());
        Path first = onlyReport();
        Path firstCopy = dir.resolve("first.json");
        Files.move(first, firstCopy);
        assertEquals(0, run(scripted(Integer.MAX_VALUE), remote).exitCode());
        Path second = onlyReport();
        CliRunner.Outcome csv = CliRunner.run("report", second.toString(), "--format", "csv", "--out", dir.resolve("csv").toString());
        assertEquals(0, csv.exitCode(), csv.err());
        String points = Files.readString(dir.resolve("csv").resolve(Files.list(dir.resolve("csv"))
                .filter(p -> p.toString().endsWith("points.csv")).findFirst().orElseThrow().getFileName()));
        assertTrue(points.startsWith("load,level,status"), points);
        assertTrue(points.contains("concurrency,2.0,ok"), points);
        CliRunner.Outcome md = CliRunner.run("report", second.toString(), "--format", "markdown");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("goodput/s"), md.out());
        // the same scripted server twice: nothing regressed, and the points were compared
        CliRunner.Outcome compare = CliRunner.run("compare", firstCopy.toString(), second.toString(), "--allow-different");
        assertEquals(0, compare.exitCode(), compare.err() + compare.out());
        assertTrue(compare.out().contains("outputTokensPerSecond"), compare.out());
        CliRunner.Outcome history = CliRunner.run("history", "--results-dir", results.toString());
        assertEquals(0, history.exitCode(), history.err());
        assertTrue(history.out().contains("endpoint"), history.out());
    }

    @Test
    void aSlowerFirstTokenIsARegressionOnItsOwnEvidence() throws Exception {
        // the same 120 ms a request (so the same output tokens/s), but the first of its 8 tokens at 106 ms instead of
        // 50 ms and the other 7 at 2 ms instead of 10 ms apart: TTFT regressed, TPOT improved, throughput did not move,
        // so each latency's verdict must rest on its own repetitions, not on the throughput's test
        String[] remote = {"--endpoint", "http://10.255.255.1:8000", "--hardware", "test-rented"};
        assertEquals(0, run(scripted(Integer.MAX_VALUE), remote).exitCode());
        Path base = dir.resolve("base.json");
        Files.move(onlyReport(), base);
        StreamingClientFactory slowerStart = config -> new ScriptedServer(load -> new ScriptedServer.Timing(106 * MS, 2 * MS),
                new ScriptedServer.VirtualClock(), Integer.MAX_VALUE, true);
        assertEquals(0, run(slowerStart, remote).exitCode());
        CliRunner.Outcome compare = CliRunner.run("compare", base.toString(), onlyReport().toString(), "--format", "json");
        assertEquals(ExitCodes.REGRESSION, compare.exitCode(), compare.err() + compare.out());
        var metrics = new com.fasterxml.jackson.databind.ObjectMapper().readTree(compare.out()).path("metrics");
        int ttftRegressed = 0;
        int tpotImproved = 0;
        for (var m : metrics) {
            String metric = m.path("metric").asText();
            if (metric.equals("outputTokensPerSecond")) {
                assertEquals("UNCHANGED", m.path("verdict").asText(), m.toString());
            }
            ttftRegressed += metric.equals("ttftP50Nanos") && m.path("verdict").asText().equals("REGRESSED") ? 1 : 0;
            tpotImproved += metric.equals("tpotP50Nanos") && m.path("verdict").asText().equals("IMPROVED") ? 1 : 0;
        }
        assertEquals(2, ttftRegressed, metrics.toString());
        assertEquals(2, tpotImproved, metrics.toString());
    }

    @Test
    void aServerThatDiesMidRunStillStoresItsReportAndExitsFive() throws Exception {
        CliRunner.Outcome o = run(scripted(6), "--format", "json");
        assertEquals(ExitCodes.REQUEST_ERRORS, o.exitCode(), o.err());
        assertTrue(o.err().contains("requests failed"), o.err());
        RunReport report = ReportJson.mapper().readValue(Files.readString(onlyReport()), RunReport.class);
        EndpointResult r = (EndpointResult) report.result();
        assertTrue(r.failedRequests() > 0);
        var failed = new java.util.TreeMap<String, Integer>();
        r.points().forEach(p -> {
            p.failed().forEach((k, v) -> failed.merge(k, v, Integer::sum));
            p.warmupFailed().forEach((k, v) -> failed.merge(k, v, Integer::sum));
        });
        assertEquals(1, failed.get("connection lost"), failed.toString());
        int sent = r.points().stream().flatMap(p -> p.repetitions().stream()).mapToInt(dev.unitcost.load.Tally::sent).sum()
                + r.points().size(); // one warmup request a point
        assertEquals(sent - 6, failed.values().stream().mapToInt(Integer::intValue).sum(), "every request after the sixth failed");
        // the table shows the warmup's failures too, so its counts add up to the exit line's
        assertEquals(java.util.Map.of("connection refused", 1), r.points().get(1).warmupFailed());
        java.io.StringWriter table = new java.io.StringWriter();
        dev.unitcost.report.ReportFormats.byName("table").write(report, table);
        assertTrue(table.toString().contains("(warmup: 1 connection refused)"), table.toString());
    }

    @Test
    void aRemoteServerIsPricedOnTheProfileNamedForItAndThisMachineIsNotSampled() throws Exception {
        CliRunner.Outcome o = run(scripted(Integer.MAX_VALUE), "--endpoint", "http://10.255.255.1:8000", "--hardware", "test-rented",
                "--concurrency", "1", "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        RunReport report = ReportJson.mapper().readValue(Files.readString(onlyReport()), RunReport.class);
        assertEquals(false, ((EndpointResult) report.result()).local());
        assertTrue(report.header().telemetry().isEmpty(), "no telemetry of a machine that is not the server");
        assertEquals("test-rented", report.cost().hardware().name());
        assertTrue(report.cost().choice().why().contains("not checked"), report.cost().choice().why());
        // or at a price per hour given for the serving host
        Files.delete(onlyReport());
        CliRunner.Outcome priced = CliRunner.run(scripted(Integer.MAX_VALUE), "run", "--project-dir", project.toString(), "--results-dir",
                results.toString(), "--quiet", "--workload", "endpoint-test", "--endpoint", "http://10.255.255.1:8000",
                "--served-model", "m", "--usd-per-hour", "2.5", "--concurrency", "1", "--format", "json");
        assertEquals(0, priced.exitCode(), priced.err());
        RunReport hourly = ReportJson.mapper().readValue(Files.readString(onlyReport()), RunReport.class);
        assertEquals("serving-host", hourly.cost().hardware().name());
    }

    @Test
    void aServerThatRefusesThePreflightStopsTheRunBeforeAnythingIsWritten() throws Exception {
        CliRunner.Outcome o = run(config -> {
            throw InputException.setting("servedModel", "the server lists no model 'scripted-model' (it serves: other)");
        });
        assertBadInput(o, "--served-model", "serves: other");
    }

    @Test
    void badInputForEveryNewFlag() throws Exception {
        StreamingClientFactory s = scripted(Integer.MAX_VALUE);
        assertBadInput(run(s, "--endpoint", "ftp://host"), "--endpoint", "http://");
        assertBadInput(CliRunner.run(s, "run", "--project-dir", project.toString(), "--results-dir", results.toString(), "--quiet",
                "--endpoint", "http://127.0.0.1:8000"), "--served-model", "required");
        assertBadInput(CliRunner.run(s, "run", "--project-dir", project.toString(), "--results-dir", results.toString(), "--quiet",
                "--concurrency", "2"), "--endpoint", "required");
        assertBadInput(run(s, "--api", "embeddings"), "--api", "chat or completions");
        assertBadInput(run(s, "--api-key-env", "1BAD"), "--api-key-env", "environment variable");
        assertBadInput(run(s, "--tokenizer", dir.resolve("none.json").toString()), "--tokenizer", "no such file");
        assertBadInput(run(s, "--concurrency", "0"), "--concurrency", ">= 1");
        assertBadInput(run(s, "--rate", "-1"), "--rate", "> 0");
        assertBadInput(run(s, "--concurrency", "1", "--rate", "2"), "--concurrency", "one of");
        assertBadInput(run(s, "--saturate", "--rate", "2"), "--rate", "one of");
        assertBadInput(run(s, "--burstiness", "0"), "--burstiness", "> 0");
        assertBadInput(run(s, "--input-length", "normal:abc"), "--input-length", "normal:MEAN:SD");
        assertBadInput(run(s, "--output-length", "0"), "--output-length", ">= 1");
        assertBadInput(run(s, "--shared-prefix", "1.5"), "--shared-prefix", "[0, 1)");
        assertBadInput(run(s, "--slo", "ttft=5ms"), "--slo", "METRIC_pN=THRESHOLD");
        // a remote server cannot be matched to a profile: one must be named
        assertBadInput(CliRunner.run(s, "run", "--project-dir", project.toString(), "--results-dir", results.toString(), "--quiet",
                "--workload", "endpoint-test", "--endpoint", "http://10.255.255.1:8000", "--served-model", "m"), "--hardware",
                "required for a remote server");
        // an endpoint workload without --endpoint, and a generation workload with it
        assertBadInput(CliRunner.run(s, "run", "--project-dir", project.toString(), "--results-dir", results.toString(), "--quiet",
                "--workload", "endpoint-test", "--hardware", "test-cpu"), "--workload", "--endpoint");
    }

    private void assertBadInput(CliRunner.Outcome o, String... fragments) throws Exception {
        assertEquals(2, o.exitCode(), o.err() + o.out());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), "one line: " + line);
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + line + "' should mention '" + f + "'");
        }
        assertEquals(0, Files.exists(results) ? TestProject.fileCount(results) : 0, "no result file");
    }
}
