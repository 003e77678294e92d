package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unitcost reprice}: a stored report's costs recomputed from its measurements and the profiles. */
class RepriceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void repricesAStoredRunWithoutTouchingIt() throws Exception {
        // one point: 10,000 tokens in 1 s → 10,000 tokens/s
        Path stored = new JsonResultStore(tmp.resolve("results")).save(RunReports.withPoint(8, 10_000, 1_000_000_000L));
        String before = Files.readString(stored);
        Path out = tmp.resolve("repriced.json");
        CliRunner.Outcome o = CostCli.run("reprice", stored.toString(), "--project-dir", CostCli.PROJECT, "--price-as", "runpod-h100-sxm",
                "--out", out.toString(), "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        RunReport r = ReportJson.mapper().readValue(o.out(), RunReport.class);
        assertNull(ReportJson.mapper().readValue(before, RunReport.class).cost());
        assertEquals(before, Files.readString(stored), "the stored report is left as it was");
        // 2.99 / (10,000 × 3600) × 1e6 = 0.08305556 → 0.0830556 (6 significant digits)
        assertEquals(new BigDecimal("0.0830556"), r.cost().points().get(0).usdPerMillionInput());
        assertEquals("runpod-h100-sxm", r.cost().hardware().name());
        Set<String> apis = r.cost().apis().stream().map(a -> a.model()).collect(Collectors.toSet());
        assertTrue(apis.containsAll(Set.of("text-embedding-3-small", "voyage-3.5", "embed-v4.0", "BAAI/bge-base-en-v1.5")), apis.toString());
        assertEquals(r, ReportJson.mapper().readValue(Files.readString(out), RunReport.class));

        // repricing the repriced report on another profile and duty cycle: 0.096 / (10,000 × 3600 × 0.5) × 1e6 = 0.005333
        CliRunner.Outcome again = CostCli.run("reprice", out.toString(), "--project-dir", CostCli.PROJECT, "--hardware", "aws-m6i-large",
                "--utilisation", "0.5");
        assertEquals(0, again.exitCode(), again.err());
        // 0.096 / (10,000 × 3600 × 0.5) × 1e6 = 0.00533333
        assertTrue(again.out().contains("repriced: was runpod-h100-sxm (asOf 2026-11-23) USD 2.99/h per device, best USD 0.0830556 per"
                + " 1M tokens (blended 3:1); now: aws-m6i-large (asOf 2026-11-23) USD 0.096/h per device, best USD 0.00533333 per 1M"
                + " tokens (blended 3:1)"), again.out());
        // break-even on one device: 0.096 × 720 = 69.12 a month ; at bge-base's 0.008 per 1M: 69.12 / 0.008 × 1e6
        // = 8,640,000,000 tokens a month
        String bge = again.out().lines().filter(l -> l.contains("BAAI/bge-base-en-v1.5")).findFirst().orElseThrow();
        assertTrue(bge.contains("8,640,000,000"), bge);
    }

    @Test
    void repricesAGenerationRun() throws Exception {
        RunReport gen = dev.unitcost.cost.GenerationReports.report(
                dev.unitcost.cost.GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L));
        Path stored = new JsonResultStore(tmp.resolve("results")).save(gen);
        CliRunner.Outcome o = CostCli.run("reprice", stored.toString(), "--project-dir", CostCli.PROJECT, "--price-as", "runpod-h100-sxm",
                "--format", "json");
        assertEquals(0, o.exitCode(), o.err());
        RunReport r = ReportJson.mapper().readValue(o.out(), RunReport.class);
        // 16,000 prompt tokens/s and 800 decoded tokens/s at USD 2.99/h: 0.0519 and 1.0382 per 1M
        assertEquals(new BigDecimal("0.0519"), r.cost().points().get(0).usdPerMillionInput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertEquals(new BigDecimal("1.0382"), r.cost().points().get(0).usdPerMillionOutput().setScale(4, java.math.RoundingMode.HALF_EVEN));
        assertTrue(r.cost().apis().stream().anyMatch(a -> a.model().equals("claude-sonnet-4-6")));
        assertTrue(r.cost().apis().stream().noneMatch(a -> a.model().equals("voyage-3.5")));
        CliRunner.Outcome text = CostCli.run("reprice", stored.toString(), "--project-dir", CostCli.PROJECT, "--price-as", "runpod-h100-sxm");
        assertEquals(0, text.exitCode(), text.err());
        // 3:1 at the best point: (3 × 0.0519097 + 1.0381944) / 4 = 0.298481
        assertTrue(text.out().contains("repriced (the stored report had no cost section); now: runpod-h100-sxm"
                + " (asOf 2026-11-23) USD 2.99/h per device, best USD 0.298481 per 1M tokens (blended 3:1)"), text.out());
    }

    @Test
    void badReprices() throws Exception {
        Path stored = new JsonResultStore(tmp.resolve("results")).save(RunReports.withPoint(8, 10_000, 1_000_000_000L));
        // the test report names a profile that is not in the repository
        CostBadInputTest.fails(new String[] {"reprice", stored.toString(), "--project-dir", CostCli.PROJECT},
                "unknown hardware profile 'rent-299'");
        CostBadInputTest.fails(new String[] {"reprice", tmp.resolve("none.json").toString(), "--project-dir", CostCli.PROJECT},
                "no such report");
        CostBadInputTest.fails(new String[] {"reprice", stored.toString(), "--format", "pdf"}, "--format: expected one of table, markdown, json, html, csv, got 'pdf'");
    }
}
