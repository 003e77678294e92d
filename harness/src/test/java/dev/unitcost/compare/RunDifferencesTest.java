package dev.unitcost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.engine.EngineOptions;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunHeader;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import dev.unitcost.workload.EmbeddingWorkload;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunDifferencesTest {

    private static RunReport base() {
        return RunReports.withThroughputs("base", 8, 1000, 1010, 990);
    }

    @Test
    void sameRunsDoNotDiffer() {
        assertEquals(List.of(), RunDifferences.between(base(), RunReports.withThroughputs("cand", 8, 900, 910, 890)));
    }

    @Test
    void everyMaterialFieldIsNamed() {
        RunReport b = base();
        RunHeader h = b.header();
        Provenance p = h.provenance();
        Provenance q = new Provenance("AMD EPYC 9654", p.physicalCores(), 8, p.memoryBytes(), "os 2", p.jvm(), "9.9", p.onnxRuntimeVersion(),
                p.djlVersion(), "cd", p.modelKind(), "other-commit", "other-host", List.of("NVIDIA H200"));
        EmbeddingWorkload w = new EmbeddingWorkload("nightly", "embedding", "test", 128, List.of(8), 3, 3, 1.0, 3, "bundled:default");
        RunConfig config = new RunConfig("m", w, "rent-other", "djl", new EngineOptions(4, true, "all"), 100);
        RunReport c = NoisyRuns.withRuntime(b.withHeader(new RunHeader("cand", h.startedAt(), h.finishedAt(), config, q, h.model(),
                h.metricDefinitions(), h.telemetry(), h.energy())), "1.29.0");
        List<String> material = RunDifferences.material(b, c).stream().map(Object::toString).toList();
        assertEquals(List.of("engine ort → djl", "runtime 1.23.2 → 1.29.0", "CPU cpu → AMD EPYC 9654", "logical CPUs 2 → 8",
                "GPUs [] → [NVIDIA H200]", "intra-op threads 0 → 4", "workload w → nightly", "hardware profile rent-299 → rent-other",
                "model sha256 ab → cd"), material);
        List<String> notes = RunDifferences.between(b, c).stream().filter(d -> !d.material()).map(Object::toString).toList();
        assertEquals(List.of("host host → other-host", "OS os → os 2"), notes, "version and commit are what a gate compares");
    }

    @Test
    void unlikeRunsAreRefusedUnlessAllowedAndThenListed() {
        RunReport other = NoisyRuns.withRuntime(RunReports.withThroughputs("cand", 8, 1000, 1010, 990), "1.29.0");
        UnlikeRunsException e = assertThrows(UnlikeRunsException.class, () -> ReportComparison.compare(base(), other, 0.05, 0.05));
        assertEquals("unlike runs: runtime 1.23.2 → 1.29.0", e.getMessage());
        Comparison allowed = ReportComparison.compare(base(), other, new ReportComparison.Settings(0.05, 0.05, true, null));
        assertTrue(allowed.notes().contains("differs: runtime 1.23.2 → 1.29.0"), allowed.notes().toString());
    }
}
