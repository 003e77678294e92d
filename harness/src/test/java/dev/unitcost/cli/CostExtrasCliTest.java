package dev.unitcost.cli;

import static dev.unitcost.cli.CostBadInputTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.cost.GenerationReports;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.JsonResultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cost --load-curve/--cached-input-share/--route/--scenario} and {@code margins}, in-process; bad input to each. */
class CostExtrasCliTest {

    /** The checkout itself: the scenario, device catalogue and workloads the projections read. */
    static final String REPO = Path.of("..").toAbsolutePath().normalize().toString();

    @TempDir
    Path tmp;

    private static String[] small(String project, String... more) {
        String[] base = {"cost", "--project-dir", project, "--users", "1000", "--requests-per-day", "10", "--input-tokens", "1000",
            "--output-tokens", "100"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void halfTheInputCachedOnGpt4oMiniThroughTheCommand() throws Exception {
        // 300M input x 0.1125 = 33.75; 30M output x 0.60 = 18.00 (see CostAnswersTest); self-hosted input rate doubled (assumed)
        CliRunner.Outcome o = CostCli.run(small(REPO, "--api", "openai/gpt-4o-mini", "--cached-input-share", "0.5", "--hardware",
                "runpod-h100-sxm", "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode a = CostCommandTest.JSON.readTree(o.out());
        assertEquals("33.75", a.get("api").get("inputUsdPerMonth").decimalValue().toPlainString());
        assertEquals("51.75", a.get("api").get("totalUsdPerMonth").decimalValue().toPlainString());
        assertEquals(20000.0, a.get("selfHosted").get("inputTokensPerSecond").asDouble(), 1e-9);
        assertTrue(a.get("cachedInput").get("prefillBasis").asText().startsWith("assumed"), a.toString());
        CliRunner.Outcome text = CostCli.run(small(REPO, "--api", "openai/gpt-4o-mini", "--cached-input-share", "0.5",
                "--prefix-cache-saving", "0.5"));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Cached input: 50.0% of input tokens"), text.out());
    }

    @Test
    void aBusinessDayFleetAndItsOptimisticTwin() {
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "15/75", "--hardware", "runpod-h100-sxm",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--load-curve", "business-hours", "--utilisation",
                "0.5"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("Fleet sized for the load curve 'business-hours'"), o.out());
        assertTrue(o.out().contains("busy-only USD") && o.out().contains("OPTIMISTIC"), o.out());
        // 10M input / 10,000 + 1M output / 1,000 = 2,000 s a day; 1/12 in the busiest hour = 166.7 s: one device at 50%.
        // one device: 2.99 x 720 = 2,152.80; the API: 300M x 15 + 30M x 75 per 1M = 6,750.00; saving 4,597.20
        assertTrue(o.out().contains("this fleet saves USD 4,597.20 a month against the API"), o.out());
    }

    @Test
    void routesTabulateEachShare() {
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "15/75", "--hardware", "runpod-h100-sxm",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--route", "0.7:my-model", "--route", "0.3:my-model"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("Routing requests between my-model (self-hosted) and the API"), o.out());
        assertTrue(o.out().contains("70.0%") && o.out().contains("30.0%"), o.out());
    }

    @Test
    void aStoredRunsRepetitionsGiveAnInterval() throws Exception {
        // three repetitions whose decode rates differ (800, 400, 1,600 tok/s): a wide interval
        GenerationPoint p = GenerationReports.point(1, 1000, 101, 100_000_000L, 125_000_000L);
        List<GenerationRepetition> reps = List.of(rep(125_000_000L), rep(250_000_000L), rep(62_500_000L));
        GenerationPoint varied = new GenerationPoint(1, 1000, 101, 1, reps, p.latencies(), null, "ok");
        Path file = new JsonResultStore(tmp.resolve("results")).save(GenerationReports.report(varied));
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "1/4", "--run", file.toString(), "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode i = CostCommandTest.JSON.readTree(o.out()).get("interval");
        assertEquals(3, i.get("repetitions").asInt());
        assertTrue(i.get("lowUsdPerMillion").decimalValue().compareTo(i.get("highUsdPerMillion").decimalValue()) < 0, i.toString());
    }

    private static GenerationRepetition rep(long decodeNanos) {
        long e2e = 100_000_000L + decodeNanos;
        return new GenerationRepetition(1, 1000, 101, 100_000_000L, decodeNanos, e2e, e2e, e2e);
    }

    @Test
    void seedZeroBillsEveryOption() throws Exception {
        CliRunner.Outcome o = CostCli.run("cost", "--project-dir", REPO, "--scenario", "seed-000", "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode options = CostCommandTest.JSON.readTree(o.out()).get("options");
        assertEquals(4, options.size());
        int selfHosted = 0;
        for (JsonNode opt : options) {
            if (opt.get("kind").asText().equals("self-hosted")) {
                selfHosted++;
                assertTrue(opt.get("throughput").asText().startsWith("projected"), opt.toString());
            } else {
                // frontier-pro: 30e9 x 15 + 7.5e9 x 75 = 1,012,500; frontier-lite a fifth of it
                assertTrue(List.of("1012500.00", "202500.00").contains(opt.get("usdPerMonth").decimalValue().toPlainString()), opt.toString());
            }
        }
        assertEquals(2, selfHosted);
    }

    @Test
    void marginsForLlama8bLabelProjectedLines() {
        CliRunner.Outcome o = CostCli.run("margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--model", "llama-3.1-8b",
                "--utilisation", "0.5");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("groq/llama-3.1-8b-instant") && o.out().contains("projected"), o.out());
        assertTrue(o.out().contains("Assumptions"), o.out());
        CliRunner.Outcome measured = CostCli.run("margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--model",
                "llama-3.1-8b", "--tokens-per-second-in", "20000", "--tokens-per-second-out", "3000", "--format", "json");
        assertEquals(0, measured.exitCode(), measured.err());
        assertTrue(measured.out().contains("\"projected\" : false"), measured.out());
    }

    @Test
    void pricesPerCharacterInEachSidesTokenizer() throws Exception {
        Path text = Files.writeString(tmp.resolve("sample.txt"), "hello world");
        CliRunner.Outcome o = CostCli.run(small(REPO, "--api", "openai/gpt-4o-mini", "--hardware", "runpod-h100-sxm",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--text", text.toString(), "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode t = CostCommandTest.JSON.readTree(o.out()).get("text");
        assertEquals(11, t.get("characters").asInt());
        JsonNode api = t.get("lines").get(0);
        assertEquals("o200k_base", api.get("tokenizer").asText());
        assertTrue(api.get("ownTokenizer").asBoolean());
        assertEquals(2, api.get("tokens").asInt());
        JsonNode self = t.get("lines").get(1);
        assertEquals("cl100k_base", self.get("tokenizer").asText());
        assertEquals(false, self.get("ownTokenizer").asBoolean());
        CliRunner.Outcome table = CostCli.run(small(CostCli.PROJECT, "--api-price", "15/75", "--text", text.toString()));
        assertTrue(table.out().contains("cl100k_base (stood in)"), table.out());
    }

    @Test
    void badInputToEveryNewOption() throws Exception {
        String[] self = {"--api-price", "15/75", "--hardware", "runpod-h100-sxm", "--tokens-per-second-in", "10000",
            "--tokens-per-second-out", "1000"};
        fails(join(small(CostCli.PROJECT, self), "--load-curve", "weekends"), "--load-curve: expected flat, business-hours, diurnal");
        Path short23 = Files.writeString(tmp.resolve("curve.txt"), "1 ".repeat(23));
        fails(join(small(CostCli.PROJECT, self), "--load-curve", short23.toString()), short23.toString(), "expected 24 hourly volumes");
        Path word = Files.writeString(tmp.resolve("word.txt"), "# hours\n1,2,x\n");
        fails(join(small(CostCli.PROJECT, self), "--load-curve", word.toString()), word + ":2: hour 2: expected a number, got 'x'");
        fails(small(CostCli.PROJECT, "--api-price", "15/75", "--load-curve", "flat"), "--load-curve: needs a self-hosted throughput");
        fails(join(small(CostCli.PROJECT, self), "--cached-input-share", "1.5"), "--cached-input-share: expected a share in [0, 1]");
        fails(join(small(CostCli.PROJECT, self), "--cached-input-share", "0.5"), "--cached-input-share:", "no cached-input price",
                "IN/OUT/CACHED");
        fails(join(small(CostCli.PROJECT, self), "--prefix-cache-saving", "0.5"), "--prefix-cache-saving: needs --cached-input-share");
        fails(small(CostCli.PROJECT, "--api-price", "15/75/1.5", "--cached-input-share", "0.5", "--prefix-cache-saving", "2"),
                "--prefix-cache-saving: expected a share in [0, 1]");
        fails(join(small(CostCli.PROJECT, self), "--route", "0.7"), "--route: expected SHARE:SELF_MODEL");
        fails(join(small(CostCli.PROJECT, self), "--route", "1.5:m"), "--route: expected a share in [0, 1]");
        fails(small(CostCli.PROJECT, "--api-price", "15/75", "--hardware", "runpod-h100-sxm", "--route", "0.7:m"),
                "--route: 'm' is not a twin:PRESET:QUANT");
        fails(small(REPO, "--api-price", "15/75", "--hardware", "runpod-h100-sxm", "--route", "0.7:twin:nosuch:int4"),
                "--route:", "unknown preset 'nosuch'");
        fails(small(CostCli.PROJECT, "--api-price", "15/75", "--route", "0.7:twin:llama-3.1-8b:int4"), "--route: needs --hardware");
        fails(new String[] {"cost", "--project-dir", REPO, "--scenario", "seed-999"}, "seed-999");
        fails(new String[] {"cost", "--project-dir", REPO, "--scenario", "seed-000", "--users", "5"}, "--users: not with --scenario");
        fails(new String[] {"cost", "--project-dir", REPO, "--scenario", "seed-000", "--utilisation", "0.5"},
                "--utilisation: not with --scenario");
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: x\nsource: s\nasOf: 2026-11-30\nusers: 0\nrequestsPerDay: 1\n"
                + "inputTokens: 1\noutputTokens: 1\nutilisation: 0.5\napis: [{name: a, input: 1, output: 1}]\n");
        fails(new String[] {"cost", "--project-dir", REPO, "--scenario", bad.toString()}, bad.toString(), "users must be > 0");
        fails(new String[] {"cost", "--project-dir", CostCli.PROJECT, "--users", "1", "--requests-per-day", "1", "--input-tokens", "1",
            "--output-tokens", "1"}, "--api=MODEL", "--api-price=IN/OUT");
        fails(small(CostCli.PROJECT, "--api-price", "15/75", "--text", tmp.resolve("none.txt").toString()), "--text: no such file");
        Path blank = Files.writeString(tmp.resolve("blank.txt"), "  \n");
        fails(small(CostCli.PROJECT, "--api-price", "15/75", "--text", blank.toString()), blank + ": text: expected some words");
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        fails(small(CostCli.PROJECT, "--api-price", "15/75", "--text", latin1.toString()), "expected UTF-8 text");
        fails(new String[] {"margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--utilisation", "0"}, "--utilisation");
        fails(new String[] {"margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--model", "gpt-9"},
                "--model: no rate-card entry has the shape 'gpt-9'", "llama-3.1-8b");
        fails(new String[] {"margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--quant", "fp4"}, "--quant: expected fp16");
        fails(new String[] {"margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--tokens-per-second-in", "5"},
                "--tokens-per-second-in: needs --model PRESET");
        fails(new String[] {"margins", "--project-dir", REPO, "--hardware", "runpod-h100-sxm", "--model", "llama-3.1-8b",
            "--tokens-per-second-in", "5"}, "--tokens-per-second-out: required");
        fails(new String[] {"margins", "--project-dir", REPO, "--hardware", "nosuch-gpu"}, "nosuch-gpu");
    }

    private static String[] join(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
