package dev.unitcost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.TokenCosts;
import dev.unitcost.cost.Workload;
import dev.unitcost.result.ReportJson;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every format writes a cost answer; each lays out the answer's own (already rounded) figures. */
class CostAnswerFormatsTest {

    /** 50,000 users × 10 requests/day × 30 days; 2,000 in / 500 out; API 15/75; 10,000 in / 1,000 out tokens/s at USD 2.99/h. */
    static CostAnswer answer() {
        Workload w = new Workload(50_000, 10, 2000, 500);
        BillComparison.ApiPrices api = new BillComparison.ApiPrices("test API", new BigDecimal("15"), new BigDecimal("75"), null);
        HourlyCost hourly = HourlyCost.given(new BigDecimal("2.99"), "test: USD 2.99/h");
        MeasuredThroughput t = MeasuredThroughput.of(10_000, 1_000, "given");
        BillComparison bill = BillComparison.withSelfHosting(w, api, hourly, t, 1.0);
        return CostAnswer.of(bill, TokenCosts.sweep(u -> hourly, t, 4.0, new double[] {1.0}));
    }

    static String write(ReportFormat f, CostAnswer a) throws IOException {
        StringWriter out = new StringWriter();
        f.write(a, out);
        return out.toString();
    }

    @Test
    void everyFormatWritesTheAnswer() throws IOException {
        for (ReportFormat f : ReportFormats.all()) {
            String text = write(f, answer());
            // 30e9 × 15 / 1M + 7.5e9 × 75 / 1M = 450,000 + 562,500 = 1,012,500.00
            assertTrue(text.contains("1,012,500.00") || text.contains("1012500.00"), f.name() + ": " + text);
        }
    }

    @Test
    void consoleKeepsTheCommandsLines() throws IOException {
        String text = write(ReportFormats.byName("table"), answer());
        assertTrue(text.startsWith("Monthly cost\nWorkload: 50,000 users x 10 requests/day x 30 days = 15,000,000 requests/month\n"), text);
        assertTrue(text.contains("\n  total   USD 1,012,500.00 per month\n"), text);
        // 10.5e6 busy s / 2.592e6 → 5 devices × 2.99 × 720 = 10,764.00 ; 1,012,500 − 10,764 = 1,001,736.00
        assertTrue(text.contains("\nSaving with self-hosting: USD 1,001,736.00 per month\n"), text);
        assertTrue(text.contains("by duty cycle:\n  utilisation"), text);
        assertFalse(text.contains("WARNING"), text);
    }

    @Test
    void markdownHasHeadingsAndATable() throws IOException {
        String md = write(ReportFormats.byName("markdown"), answer());
        assertTrue(md.startsWith("## Monthly cost\n"), md);
        assertTrue(md.contains("\n### API: test API\n\n- prices per 1M tokens: input USD 15, output USD 75\n"), md);
        assertTrue(md.contains("| utilisation | input |"), md);
    }

    @Test
    void jsonIsTheRecordWithAbsentAsNull() throws IOException {
        String json = write(ReportFormats.byName("json"), answer());
        assertTrue(json.contains("\"totalUsdPerMonth\" : 1012500.00"), "monthly money keeps its 2 decimals: " + json);
        JsonNode j = ReportJson.mapper().readTree(json);
        assertTrue(j.at("/api/flag").isNull(), j.toString());
        assertEquals(5, j.at("/selfHosted/devices").asInt());
        assertTrue(j.at("/selfHosted/gCO2PerMillionInput").isNull(), "no carbon figure without a grid intensity");
        assertEquals(1, j.get("sweep").size());
    }
}
