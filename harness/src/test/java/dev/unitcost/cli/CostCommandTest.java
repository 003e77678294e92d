package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost cost} in-process against the fixture profiles ({@link CostCli#PROJECT}). */
class CostCommandTest {

    static final String[] SEED = {"cost", "--project-dir", CostCli.PROJECT, "--users", "50000", "--requests-per-day", "10",
        "--input-tokens", "2000", "--output-tokens", "500"};

    /** Keeps decimals as written ("10764.00" stays two decimals) so the rounding is checked too. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @TempDir
    Path tmp;

    static String[] seed(String... more) {
        String[] all = new String[SEED.length + more.length];
        System.arraycopy(SEED, 0, all, 0, SEED.length);
        System.arraycopy(more, 0, all, SEED.length, more.length);
        return all;
    }

    @Test
    void reproducesTheSeedMonthlyBill() {
        CliRunner.Outcome o = CostCli.run(seed("--api-price", "15/75"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("total   USD 1,012,500.00 per month"), o.out());
        assertTrue(o.out().contains("input   USD 450,000.00"), o.out());
        assertTrue(o.out().contains("output  USD 562,500.00"), o.out());
    }

    @Test
    void aRateCardModelGivesTheSameBillAndNamesItsCard() throws Exception {
        CliRunner.Outcome o = CostCli.run(seed("--api", "claude-sonnet-4-6", "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = JSON.readTree(o.out());
        // 30e9 × 3 / 1M = 90,000 ; 7.5e9 × 15 / 1M = 112,500
        assertEquals("202500.00", j.at("/api/totalUsdPerMonth").decimalValue().toPlainString());
        assertTrue(j.at("/api/label").asText().contains("anthropic rate card, asOf 2026-07-24"), j.toString());
        assertTrue(j.get("selfHosted").isNull());
    }

    @Test
    void selfHostedSideFromGivenThroughput() throws Exception {
        // 10.5e6 busy s / 2.592e6 → 5 devices × 2.99 × 720 = 10,764.00 ; saving 1,001,736.00
        CliRunner.Outcome o = CostCli.run(seed("--api-price", "15/75", "--hardware", "runpod-h100-sxm",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode s = JSON.readTree(o.out()).get("selfHosted");
        assertEquals(5, s.get("devices").asInt());
        assertEquals("10764.00", s.get("totalUsdPerMonth").decimalValue().toPlainString());
        assertEquals("1001736.00", s.get("savingUsdPerMonth").decimalValue().toPlainString());
        // per 1M: in 0.0831, out 0.8306 ; blended 4:1 0.2326 ; 3:1 (0.2491667 + 0.8305556) / 4 = 0.2699
        assertEquals("0.0831", s.get("usdPerMillionInput").decimalValue().toPlainString());
        assertEquals("0.8306", s.get("usdPerMillionOutput").decimalValue().toPlainString());
        assertEquals("0.2326", s.get("usdPerMillionBlended").decimalValue().toPlainString());
        assertEquals("0.2699", s.get("usdPerMillionBlended3to1").decimalValue().toPlainString());
        assertEquals("79733333", s.get("breakEvenTokensPerMonthPerDevice").decimalValue().toPlainString());
        assertTrue(s.get("basis").asText().startsWith("runpod-h100-sxm (asOf 2026-11-23): rented on demand USD 2.99/h"),
                s.get("basis").asText());
        CliRunner.Outcome text = CostCli.run(seed("--api-price", "15/75", "--hardware", "runpod-h100-sxm",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--utilisation", "0.5"));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("devices needed: 9 (each at most 50.0% busy"), text.out());
        assertTrue(text.out().contains("Saving with self-hosting: USD"), text.out());
    }

    @Test
    void anEmbeddingWorkloadPricedFromAStoredReport() throws Exception {
        // one point: 10,000 tokens in 1 s → 10,000 tokens/s ; aws-m6i-large USD 0.096/h
        Path results = tmp.resolve("results");
        Path file = new JsonResultStore(results).save(RunReports.withPoint(8, 10_000, 1_000_000_000L));
        CliRunner.Outcome o = CostCli.run("cost", "--project-dir", CostCli.PROJECT, "--users", "1000", "--requests-per-day", "100",
                "--input-tokens", "200", "--output-tokens", "0", "--api", "text-embedding-3-small",
                "--run", file.toString(), "--hardware", "aws-m6i-large", "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = JSON.readTree(o.out());
        // API: 1000 × 100 × 30 × 200 = 6e8 tokens × 0.02 / 1M = 12.00
        assertEquals("12.00", j.at("/api/totalUsdPerMonth").decimalValue().toPlainString());
        // self: 0.096 / 36e6 × 1e6 = 0.0026667 per 1M ; one device 0.096 × 720 = 69.12
        assertEquals("0.0027", j.at("/selfHosted/usdPerMillionInput").decimalValue().toPlainString());
        assertEquals("69.12", j.at("/selfHosted/totalUsdPerMonth").decimalValue().toPlainString());
        assertEquals("-57.12", j.at("/selfHosted/savingUsdPerMonth").decimalValue().toPlainString());
        assertTrue(j.at("/selfHosted/throughput").asText().contains("batch 8"), j.toString());
    }

    @Test
    void sweepsDutyCyclesOnAnOwnedServerWithCarbon() throws Exception {
        // per device: 1.2321885 USD/h, 0.7 kW × 1.56 × 369.5 g = 403.494 gCO2/h ; 10,000 input tokens/s
        // u = 1: 1.2321885 / 36e6 × 1e6 = 0.0342275 ; 11.2082 g  — u = 0.5: 0.0684549 ; 22.4163 g
        CliRunner.Outcome o = CostCli.run(seed("--api-price", "15/75", "--hardware", "owned-h100-server",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--sweep", "1,0.5", "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode sweep = JSON.readTree(o.out()).get("sweep");
        assertEquals(2, sweep.size());
        assertEquals("0.0342", sweep.get(0).get("usdPerMillionInput").decimalValue().toPlainString());
        assertEquals("0.0685", sweep.get(1).get("usdPerMillionInput").decimalValue().toPlainString());
        assertEquals(11.2082, sweep.get(0).get("gCO2PerMillionInput").asDouble(), 1e-4);
        assertEquals(22.4163, sweep.get(1).get("gCO2PerMillionInput").asDouble(), 1e-4);
        CliRunner.Outcome text = CostCli.run(seed("--api-price", "15/75", "--hardware", "owned-h100-server",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--sweep", "0.25,1"));
        assertTrue(text.out().contains("by duty cycle"), text.out());
        assertTrue(text.out().contains("25.0%"), text.out());
        CostBadInputTest.fails(seed("--api-price", "15/75", "--sweep", "0.5,1.5"), "--sweep: must be in (0, 1], got 1.5");
        // measured 500 W instead of the profile's 700: 1.1415525 + 0.5 × 1.56 × 0.083 = 1.2062925 per device-hour
        CliRunner.Outcome measured = CostCli.run(seed("--api-price", "15/75", "--hardware", "owned-h100-server",
                "--tokens-per-second-in", "10000", "--tokens-per-second-out", "1000", "--measured-watts", "500", "--format", "json"));
        JsonNode m = JSON.readTree(measured.out()).get("selfHosted");
        assertEquals("1.2063", m.get("usdPerDeviceHour").decimalValue().toPlainString());
        assertTrue(m.get("basis").asText().contains("energy: measured (given on the command line) 500 W busy"), m.toString());
        CostBadInputTest.fails(seed("--api-price", "15/75", "--hardware", "owned-h100-server", "--tokens-per-second-in", "10",
                "--tokens-per-second-out", "1", "--measured-watts", "-5"), "--measured-watts: must be > 0 watts");
    }

    @Test
    void aChatWorkloadPricedFromAStoredGenerationReport() throws Exception {
        // best point: 16,000 prompt tokens/s, 800 decoded tokens/s; hardware from the report (runpod-h100-sxm)
        // busy: 30e9 / 16,000 + 7.5e9 / 800 = 11.25e6 s / 2.592e6 = 4.34 → 5 devices × 2.99 × 720 = 10,764.00
        Path file = new JsonResultStore(tmp.resolve("results")).save(dev.unitcost.cost.GenerationReports.report(
                dev.unitcost.cost.GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L)));
        CliRunner.Outcome o = CostCli.run(seed("--api", "claude-sonnet-4-6", "--run", file.toString(), "--format", "json"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode s = JSON.readTree(o.out()).get("selfHosted");
        assertEquals(5, s.get("devices").asInt());
        assertEquals("10764.00", s.get("totalUsdPerMonth").decimalValue().toPlainString());
        assertEquals(800.0, s.get("outputTokensPerSecond").asDouble(), 1e-9);
        assertTrue(s.get("basis").asText().startsWith("runpod-h100-sxm (asOf 2026-11-23)"), s.toString());

        // the report's own measured 500 W replaces the owned server's 700 W per device: 1.1415525 + 0.06474 = 1.2063
        Path measured = new JsonResultStore(tmp.resolve("results2")).save(dev.unitcost.cost.GenerationReports.withEnergy(
                dev.unitcost.cost.GenerationReports.report(
                        dev.unitcost.cost.GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L)), 500));
        CliRunner.Outcome m = CostCli.run(seed("--api", "claude-sonnet-4-6", "--run", measured.toString(), "--hardware",
                "owned-h100-server", "--format", "json"));
        assertEquals(0, m.exitCode(), m.err());
        JsonNode ms = JSON.readTree(m.out()).get("selfHosted");
        assertEquals("1.2063", ms.get("usdPerDeviceHour").decimalValue().toPlainString());
        assertTrue(ms.get("basis").asText().contains("energy: measured (report"), ms.toString());
    }
}
