package dev.unitcost.cli;

import static dev.unitcost.cli.CostBadInputTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.cost.GenerationReports;
import dev.unitcost.cost.TextPrices;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a review of the cost answers (issue 13) found a user could see: each case failed before its
 * fix. Workload of {@link #small}: 1,000 users x 10 requests x 30 days = 300,000 requests, 300M input
 * and 30M output tokens a month.
 */
class CostReviewTest {

    @TempDir
    Path tmp;

    private static final String[] SELF = {"--hardware", "runpod-h100-sxm", "--tokens-per-second-in", "10000", "--tokens-per-second-out",
        "1000"};

    private static String[] small(String project, String... more) {
        String[] base = {"cost", "--project-dir", project, "--users", "1000", "--requests-per-day", "10", "--input-tokens", "1000",
            "--output-tokens", "100"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String[] join(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void everyInputTokenCachedStillCachesTheSelfHostedSide() throws Exception {
        // before: share 1 left the self-hosted throughput untouched and said "no self-hosted side" beside a self-hosted bill
        String[] cached = join(small(CostCli.PROJECT, "--api-price", "0.15/0.60/0.075", "--cached-input-share", "1"), SELF);
        fails(cached, "--cached-input-share: 1 with all of a cached token's prefill saved", "--prefix-cache-saving");
        CliRunner.Outcome o = CostCli.run(join(cached, "--prefix-cache-saving", "0.8", "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode a = CostCommandTest.JSON.readTree(o.out());
        // prefill time per input token falls to 1 - 1 x 0.8 = 0.2: 10,000 / 0.2 = 50,000 input tokens/s
        assertEquals(50000.0, a.get("selfHosted").get("inputTokensPerSecond").asDouble(), 1e-6);
        assertEquals(0.8, a.get("cachedInput").get("prefillSaving").asDouble(), 1e-12);
        assertTrue(a.get("cachedInput").get("prefillBasis").asText().startsWith("measured"), a.toString());
        // API: 300M x 0.075 + 30M x 0.60 per 1M = 22.50 + 18.00
        assertEquals("40.50", a.get("api").get("totalUsdPerMonth").decimalValue().toPlainString());
        CliRunner.Outcome apiOnly = CostCli.run(small(CostCli.PROJECT, "--api-price", "0.15/0.60/0.075", "--cached-input-share", "1"));
        assertEquals(0, apiOnly.exitCode(), apiOnly.err());
        assertTrue(apiOnly.out().contains("self-hosted: none priced"), apiOnly.out());
        assertFalse(apiOnly.out().contains("in the self-hosted throughput"), apiOnly.out());
    }

    @Test
    void aRunOfAnotherShapeOrMachineIsNotMeasuredThroughput() throws Exception {
        // before: margins and a scenario priced a SmolLM2 run on a CPU as "measured" Llama-3.1-8B on an H100
        Path smol = save("twin:smollm2-135m:int4", "aws-c6i-large");
        Path llamaOnCpu = save("twin:llama-3.1-8b:int4", "aws-c6i-large");
        Path llama = save("twin:llama-3.1-8b:int4", "runpod-h100-sxm");
        String[] margins = {"margins", "--project-dir", CostExtrasCliTest.REPO, "--hardware", "runpod-h100-sxm", "--model", "llama-3.1-8b",
            "--run"};
        fails(join(margins, smol.toString()), "--run: report", "measured twin:smollm2-135m:int4, not the shape llama-3.1-8b");
        fails(join(margins, llamaOnCpu.toString()), "--run: report", "measured on aws-c6i-large, not runpod-h100-sxm");
        CliRunner.Outcome ok = CostCli.run(join(margins, llama.toString(), "--format", "json"));
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("\"projected\" : false"), ok.out());
        Path scenario = Files.writeString(tmp.resolve("s.yaml"), "name: s\ndescription: d\nsource: review\nasOf: 2026-11-30\n"
                + "users: 100\nrequestsPerDay: 10\ninputTokens: 1000\noutputTokens: 100\nutilisation: 0.5\nloadCurve: flat\n"
                + "apis: [{name: a, input: 1, output: 2}]\nselfHosted:\n  - {model: \"twin:llama-3.1-8b:int4\", hardware: runpod-h100-sxm,"
                + " tensorParallel: 1, tensorParallelEfficiency: 1.0, run: \"" + smol + "\"}\n");
        fails(new String[] {"cost", "--project-dir", CostExtrasCliTest.REPO, "--scenario", scenario.toString()}, scenario.toString(),
                "selfHosted.run", "not the shape llama-3.1-8b");
    }

    private Path save(String model, String hardware) {
        RunReport r = GenerationReports.report(GenerationReports.point(1, 1000, 101, 100_000_000L, 125_000_000L));
        RunConfig c = r.header().config();
        r = r.withHeader(r.header().withRunId("20261130T000000Z-" + model.replace(':', '-') + "-" + hardware)
                .withConfig(new RunConfig(model, c.workload(), hardware, c.engine(), c.engineOptions(), c.sampleIntervalMillis())));
        return new JsonResultStore(tmp.resolve("results")).save(r);
    }

    @Test
    void theIntervalSaysWhichUtilisationItsVerdictIsAt() throws Exception {
        // before: "verdict: self-hosted cheaper" with no utilisation, beside a bill that may say self-hosting costs more
        GenerationPoint p = GenerationReports.point(1, 1000, 101, 100_000_000L, 125_000_000L);
        List<GenerationRepetition> reps = List.of(rep(125_000_000L), rep(250_000_000L), rep(62_500_000L));
        Path file = new JsonResultStore(tmp.resolve("results")).save(GenerationReports.report(
                new GenerationPoint(1, 1000, 101, 1, reps, p.latencies(), null, "ok")));
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "1/4", "--run", file.toString(), "--utilisation", "0.5"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("Self-hosted USD per 1M (blended) at 50.0% utilisation, 95.0% interval over 3 repetitions"), o.out());
        assertTrue(o.out().contains("verdict, per token at 50.0% utilisation (the monthly bill above counts whole devices)"), o.out());
        CliRunner.Outcome json = CostCli.run(small(CostCli.PROJECT, "--api-price", "1/4", "--run", file.toString(), "--utilisation", "0.5",
                "--format", "json"));
        assertEquals(0.5, CostCommandTest.JSON.readTree(json.out()).get("interval").get("utilisation").asDouble(), 1e-12);
    }

    private static GenerationRepetition rep(long decodeNanos) {
        long e2e = 100_000_000L + decodeNanos;
        return new GenerationRepetition(1, 1000, 101, 100_000_000L, decodeNanos, e2e, e2e, e2e);
    }

    @Test
    void aLoadCurveMarksTheFlatBillAndReachesTheCsv() {
        // flat: 300M / 10,000 + 30M / 1,000 = 60,000 busy s a month, one device at 50%: 2.99 x 720 = 2,152.80;
        // the API 300M x 15 + 30M x 75 per 1M = 6,750.00, so the flat bill saves 4,597.20
        String[] args = join(small(CostCli.PROJECT, "--api-price", "15/75"), join(SELF, "--load-curve", "business-hours", "--utilisation",
                "0.5", "--route", "0.7:mine"));
        CliRunner.Outcome o = CostCli.run(args);
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("devices sized for a flat day (every hour alike); the load curve's fleet is below"), o.out());
        assertTrue(o.out().contains("Saving with self-hosting, sized for a flat day: USD 4,597.20 per month"), o.out());
        // before: csv held the API and flat rows only. Business day: 2,000 busy s a day, 1/12 of it = 166.7 s in the busiest hour,
        // one device at 50%: 2,152.80. Route 0.7: one device (42,000 s < 0.5 x 2,592,000) + 0.3 x 6,750 = 2,152.80 + 2,025.00
        CliRunner.Outcome csv = CostCli.run(join(args, "--format", "csv"));
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("self-hosted fleet for load curve business-hours,") && r.endsWith(",2152.80,1")),
                csv.out());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("route 0.7 to mine,") && r.endsWith(",4177.80,1")), csv.out());
    }

    @Test
    void anOwnedFleetsIdleEnergySaysPerDeviceAndHowMany() {
        // one device (as above) of the owned server: its idle 700 W (the busy figure, no idleWatts) x 720 h = 504 kWh
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "15/75", "--hardware", "owned-h100-server",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--load-curve", "business-hours", "--utilisation", "0.5"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("energy: idle 700 W per device x 1 device x every hour = 504 kWh"), o.out());
    }

    @Test
    void perWordPricesOfUnspacedScriptsAreFlagged() throws Exception {
        // before: "(11 characters, 1 words)" and a per-word price eleven characters long, unremarked
        Path ja = Files.writeString(tmp.resolve("ja.txt"), "東京は日本の首都です。");
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "15/75", "--text", ja.toString()));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("(11 characters, 1 word)"), o.out());
        assertTrue(o.out().contains("100.0% of this text's letters are in scripts written without spaces"), o.out());
        Path en = Files.writeString(tmp.resolve("en.txt"), "hello world");
        CliRunner.Outcome english = CostCli.run(small(CostCli.PROJECT, "--api-price", "15/75", "--text", en.toString()));
        assertFalse(english.out().contains("without spaces"), english.out());
        // letters: 東 京 a b c; two of five are Han
        assertEquals(0.4, TextPrices.unspacedLetterShare("東京 abc."), 1e-12);
        assertEquals(0.0, TextPrices.unspacedLetterShare("12 34"), 1e-12);
    }

    @Test
    void aTensorParallelOptionStatesItsAssumedEfficiency() throws Exception {
        // before: seed-000's TP 4 line said "projected ... 4x h100-sxm (tensor parallel)" and kept its 0.75 in the file's comment
        CliRunner.Outcome o = CostCli.run("cost", "--project-dir", CostExtrasCliTest.REPO, "--scenario", "seed-000", "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        int seen = 0;
        for (JsonNode opt : CostCommandTest.JSON.readTree(o.out()).get("options")) {
            if (opt.get("name").asText().contains("(TP 4)")) {
                seen++;
                assertTrue(opt.get("throughput").asText().contains("tensor parallel over 4 devices keeping 0.75 of their summed"
                        + " bandwidth and FLOP/s (assumed, not measured)"), opt.toString());
            } else if (opt.get("kind").asText().equals("self-hosted")) {
                assertFalse(opt.get("throughput").asText().contains("tensor parallel over"), opt.toString());
            }
        }
        assertEquals(1, seen);
    }

    @Test
    void marginsOnOwnedHardwareDoNotSayOnDemand() {
        // before: "one device-hour of owned-h100-server (on demand)": an owned profile has no on-demand price
        CliRunner.Outcome o = CostCli.run("margins", "--project-dir", CostExtrasCliTest.REPO, "--hardware", "owned-h100-server", "--model",
                "llama-3.1-8b");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("one device-hour of owned-h100-server (owned: its capex over its life"), o.out());
        assertFalse(o.out().contains("(on demand)"), o.out());
        CliRunner.Outcome rented = CostCli.run("margins", "--project-dir", CostExtrasCliTest.REPO, "--hardware", "runpod-h100-sxm", "--model",
                "llama-3.1-8b");
        assertTrue(rented.out().contains("one device-hour of runpod-h100-sxm (rented on demand)"), rented.out());
    }

    @Test
    void aRunPricedOnAnotherProfileSaysWhereItWasMeasured() {
        // before: a 2-vCPU run priced at an H100's rent read "Self-hosted: runpod-h100-sxm ... throughput (report ...)", unremarked
        Path cpu = save("twin:smollm2-135m:int4", "aws-c6i-large");
        CliRunner.Outcome o = CostCli.run(small(CostCli.PROJECT, "--api-price", "1/4", "--run", cpu.toString(), "--hardware",
                "runpod-h100-sxm"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("; measured on aws-c6i-large, priced as runpod-h100-sxm (that machine's own throughput would differ)"),
                o.out());
        Path h100 = save("twin:smollm2-135m:int4", "runpod-h100-sxm");
        CliRunner.Outcome same = CostCli.run(small(CostCli.PROJECT, "--api-price", "1/4", "--run", h100.toString()));
        assertEquals(0, same.exitCode(), same.err());
        assertFalse(same.out().contains("priced as"), same.out());
    }
}
