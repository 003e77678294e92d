package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitcost.result.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's API table says "cheaper" only when the API's price lies outside the 95% interval of ours: the interval of
 * the best point's price over its repetitions, each priced alone.
 */
class ApiIntervalVerdictTest {

    @TempDir
    Path dir;

    @Test
    void anApiInsideOurIntervalGetsNoVerdict() throws Exception {
        // the golden embedding run, its best point (batch 4, 1,280 tokens a repetition) measured in 8, 10 and 12 ms:
        // 160,000, 128,000 and 106,667 tokens/s at USD 2.99/h, i.e. USD 0.0051910, 0.0064887 and 0.0077865 per 1M;
        // mean 0.0064887, sd 0.0012977, t(0.975, 2) = 4.3027: 95% interval 0.0032650 to 0.0097124
        ObjectNode report = (ObjectNode) ReportJson.mapper().readTree(
                Files.readString(Path.of(ApiIntervalVerdictTest.class.getResource("/golden/embedding-fake-run-v2.json").toURI())));
        JsonNode reps = report.get("result").get("points").get(1).get("repetitions");
        long[] elapsed = {8_000_000, 10_000_000, 12_000_000};
        assertEquals(3, reps.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(1280, reps.get(i).get("tokens").asLong());
            ((ObjectNode) reps.get(i)).put("elapsedNanos", elapsed[i]);
        }
        Path file = Files.writeString(dir.resolve("run.json"), ReportJson.write(report));
        Path cards = Files.createDirectories(dir.resolve("ratecards"));
        Files.writeString(cards.resolve("test.yaml"), String.join("\n", "provider: testco", "source: test", "asOf: 2026-07-24",
                "models:", "  - {model: inside, mode: embedding, input: 0.0065}", "  - {model: above, mode: embedding, input: 0.0100}",
                "  - {model: below, mode: embedding, input: 0.0030}", ""));
        CliRunner.Outcome o = CliRunner.run("reprice", file.toString(), "--ratecards", cards.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("95% interval 0.0033 to 0.0097"), o.out());
        assertTrue(row(o.out(), "inside").contains("no verdict (within our 95% interval)"), o.out());
        assertTrue(row(o.out(), "above").contains("self-hosting"), o.out());
        assertTrue(row(o.out(), "below").contains("API"), o.out());
    }

    private static String row(String out, String model) {
        return out.lines().filter(l -> l.contains("testco") && l.contains(" " + model + " ")).findFirst().orElse("");
    }
}
