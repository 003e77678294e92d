package dev.unitcost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cli.CliRunner;
import dev.unitcost.cost.GenerationReports;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.RateCard;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run as CSV tables: units in the headers, the report's own figures, quoting that survives commas and quotes. */
class CsvFormatTest {

    static final HardwareProfile RENTED = new HardwareProfile.Rented("rented", null, "test", LocalDate.of(2026, 11, 30),
            new BigDecimal("2.99"), null, null, 1, null, null, null, null, null, null, new HardwareProfile.Machine(null, 2, null));

    static RunReport report() {
        RunReport r = GenerationReports.report(GenerationReports.point(1, 1000, 101, 100_000_000L, 1_000_000_000L),
                GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L));
        List<RateCard> cards = List.of(new RateCard("acme, \"inc\"", "test", LocalDate.of(2026, 7, 24), List.of(
                new RateCard.ApiPrice("big,model", "chat", new BigDecimal("15"), new BigDecimal("75"), null, null, null, null))));
        return r.priced(RENTED, cards, 1.0, ProfileChoice.matching("named for the test"));
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void pointsRepetitionsAndApisWithUnitsInTheHeaders() throws IOException {
        RunReport r = report();
        Map<String, String> tables = ReportFormats.csvTables(r);
        assertEquals(List.of("points", "repetitions", "apis"), List.copyOf(tables.keySet()));

        List<CSVRecord> points = parse(tables.get("points"));
        assertEquals(2, points.size());
        var g = (GenerationResult) r.result();
        // the report's own median, not recomputed: 8,000 prompt tokens in 0.5 s
        assertEquals(g.points().get(1).prefillTokensPerSecond().median(), Double.parseDouble(points.get(1).get(
                "prefill_tokens_per_second_median")), 1e-9);
        assertEquals(r.cost().points().get(1).usdPerMillionBlended3to1().toPlainString(), points.get(1).get("usd_per_million_blended_3to1"));
        assertEquals("rented", points.get(1).get("hardware_profile"));
        assertEquals("", points.get(1).get("priced_as_measured_on"), "the profile describes the machine measured");

        List<CSVRecord> reps = parse(tables.get("repetitions"));
        assertEquals(6, reps.size(), "3 repetitions of each of 2 points");
        assertEquals("500000000", reps.get(3).get("prefill_nanos"));

        List<CSVRecord> apis = parse(tables.get("apis"));
        assertEquals("acme, \"inc\"", apis.get(0).get("provider"), "quotes and commas survive a round trip");
        assertEquals("big,model", apis.get(0).get("model"));
    }

    @Test
    void reportWritesOneFilePerTableIntoADirectory(@TempDir Path dir) throws IOException {
        Path stored = new JsonResultStore(dir.resolve("results")).save(report());
        Path out = dir.resolve("csv");
        CliRunner.Outcome o = CliRunner.run("report", stored.toString(), "--format", "csv", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        String id = report().runId();
        for (String table : List.of("points", "repetitions", "apis")) {
            assertTrue(Files.isRegularFile(out.resolve(id + "-" + table + ".csv")), table);
        }
        CliRunner.Outcome file = CliRunner.run("report", stored.toString(), "--format", "csv", "--out", dir.resolve("x.csv").toString());
        assertEquals(2, file.exitCode());
        assertTrue(file.err().contains("csv writes one file per table; give a directory"), file.err());
    }
}
