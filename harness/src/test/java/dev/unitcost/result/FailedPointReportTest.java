package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep with a point that ran out of memory is stored whole, with the failed point's figures absent. */
class FailedPointReportTest {

    @Test
    void anOutOfMemoryPointIsStoredAndReadBack(@TempDir Path dir) {
        RunReport ok = RunReports.withPoint(8, 5_000, 5_000_000_000L);
        PointResult failed = new PointResult(12000, 128, 3, List.of(), null, "out-of-memory");
        RunReport report = ok.withHeader(ok.header().withRunId("with-oom"))
                .withResult(new EmbeddingResult(List.of(RunReports.embedding(ok).points().get(0), failed)));
        JsonResultStore store = new JsonResultStore(dir);
        RunReport back = store.load(store.save(report).toString());
        assertEquals("out-of-memory", RunReports.embedding(back).points().get(1).status());
        assertNull(RunReports.embedding(back).points().get(1).tokensPerSecond());
        assertEquals(1000.0, RunReports.embedding(back).points().get(0).tokensPerSecond().median(), 1e-9);
        assertEquals(1000.0, store.history().get(0).bestTokensPerSecond(), 1e-9);
    }
}
