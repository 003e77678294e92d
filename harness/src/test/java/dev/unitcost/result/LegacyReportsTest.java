package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitcost.InputException;
import dev.unitcost.cli.CliRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports written by the previous build (schema version 1, run with its jar on this project's
 * default suite) are still read: every measurement carries over, and reprice and compare work on them.
 */
class LegacyReportsTest {

    static Path fixture(String name) {
        try {
            return Path.of(LegacyReportsTest.class.getResource("/legacy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(Path file) throws IOException {
        return ReportJson.mapper().readTree(Files.readString(file));
    }

    @Test
    void anEmbeddingReportOfVersionOneKeepsEveryMeasurement() throws IOException {
        Path file = fixture("report-v1-embedding.json");
        JsonNode v1 = tree(file);
        RunReport r = new JsonResultStore(file.getParent()).load(file.toString());
        assertEquals(RunReport.SCHEMA_VERSION, r.schemaVersion());
        assertEquals(v1.get("runId").asText(), r.runId());
        EmbeddingResult e = assertInstanceOf(EmbeddingResult.class, r.result());
        assertEquals(v1.get("points").size(), e.points().size());
        for (int i = 0; i < e.points().size(); i++) {
            JsonNode reps = v1.get("points").get(i).get("repetitions");
            PointResult p = e.points().get(i);
            assertEquals(reps.size(), p.repetitions().size());
            for (int k = 0; k < reps.size(); k++) {
                assertEquals(reps.get(k).get("tokens").asLong(), p.repetitions().get(k).tokens());
                assertEquals(reps.get(k).get("elapsedNanos").asLong(), p.repetitions().get(k).elapsedNanos());
                assertEquals(reps.get(k).get("tokensPerSecond").asDouble(), p.repetitions().get(k).tokensPerSecond(), 1e-9,
                        "the derived figure is recomputed from the raw counts to the same value");
            }
        }
        assertEquals(v1.get("provenance").get("modelSha256").asText(), r.header().provenance().modelSha256());
        assertEquals(v1.get("telemetry").size(), r.header().telemetry().size());
        assertNull(r.cost(), "a version-1 cost section named its profile without storing it: reprice prices it again");
        assertEquals("aws-m6i-large", r.header().config().hardwareProfile());
    }

    @Test
    void aGenerationReportOfVersionOneKeepsEveryMeasurement() throws IOException {
        Path file = fixture("report-v1-generation.json");
        JsonNode v1 = tree(file);
        RunReport r = new JsonResultStore(file.getParent()).load(file.toString());
        GenerationResult g = assertInstanceOf(GenerationResult.class, r.result());
        JsonNode points = v1.get("generationPoints");
        assertEquals(points.size(), g.points().size());
        GenerationRepetition rep = g.points().get(0).repetitions().get(0);
        JsonNode rep1 = points.get(0).get("repetitions").get(0);
        assertEquals(rep1.get("prefillNanos").asLong(), rep.prefillNanos());
        assertEquals(rep1.get("decodeTokensPerSecond").asDouble(), rep.decodeTokensPerSecond(), 1e-9);
        assertEquals(v1.get("decoder").get("weightBytes").asLong(), g.decoder().weightBytes());
        assertEquals(points.get(0).get("latencies").get("tpot").get("p50Nanos").asLong(), g.points().get(0).latencies().tpot().p50Nanos());
    }

    @Test
    void repriceAndCompareReadVersionOne(@TempDir Path tmp) throws IOException {
        Path file = fixture("report-v1-generation.json");
        Path project = Path.of("..").toAbsolutePath().normalize();
        CliRunner.Outcome reprice = CliRunner.run("reprice", file.toString(), "--project-dir", project.toString(), "--format", "json");
        assertEquals(0, reprice.exitCode(), reprice.err());
        RunReport priced = ReportJson.mapper().readValue(reprice.out(), RunReport.class);
        assertEquals(RunReport.SCHEMA_VERSION, priced.schemaVersion());
        assertNotNull(priced.cost());
        assertEquals("aws-m6i-large", priced.cost().hardware().name(), "priced on the profile the old report named");

        Path copy = Files.copy(file, tmp.resolve("again.json"));
        CliRunner.Outcome compare = CliRunner.run("compare", file.toString(), copy.toString());
        assertEquals(0, compare.exitCode(), compare.out() + compare.err());
        assertTrue(compare.out().contains("no regression"), compare.out());
    }

    @Test
    void aNewerOrMissingVersionIsRefusedWithTheFileNamed(@TempDir Path tmp) throws IOException {
        Path newer = Files.writeString(tmp.resolve("newer.json"), "{\"schemaVersion\": 99}");
        InputException e = assertThrows(InputException.class, () -> new JsonResultStore(tmp).load(newer.toString()));
        assertTrue(e.getMessage().startsWith(newer + ": schemaVersion 99 is not one this build reads"), e.getMessage());
        Path none = Files.writeString(tmp.resolve("none.json"), "{\"runId\": \"x\"}");
        e = assertThrows(InputException.class, () -> new JsonResultStore(tmp).load(none.toString()));
        assertTrue(e.getMessage().contains("not a unitcost report"), e.getMessage());
    }
}
