package dev.unitcost.result;

import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.metrics.LatencyRecorder;
import dev.unitcost.workload.EmbeddingWorkload;
import java.time.Instant;
import java.util.List;

/** Hand-built reports for tests of what comes after a run. */
public final class RunReports {

    private RunReports() {}

    /** A report with one point whose repetitions ran at the given tokens/s (1 s each), and a run id. */
    public static RunReport withThroughputs(String runId, int batchSize, double... tokensPerSecond) {
        RunReport base = withPoint(batchSize, 1000, 1_000_000_000L);
        List<RepetitionResult> reps = new java.util.ArrayList<>();
        for (double tps : tokensPerSecond) {
            reps.add(new RepetitionResult(10, 10L * batchSize, Math.round(tps), 1_000_000_000L, 900_000_000L));
        }
        PointResult p = ((EmbeddingResult) base.result()).points().get(0);
        PointResult point = new PointResult(batchSize, p.sequenceLength(), p.warmupIterations(), reps, p.batchLatency(), "ok");
        return base.withHeader(base.header().withRunId(runId)).withResult(new EmbeddingResult(List.of(point)));
    }

    /** A report with one point: three identical repetitions of {@code tokens} in {@code nanos}. */
    public static RunReport withPoint(int batchSize, long tokens, long nanos) {
        LatencyRecorder latency = new LatencyRecorder();
        latency.recordNanos(nanos / 10);
        RepetitionResult rep = new RepetitionResult(10, 10L * batchSize, tokens, nanos, nanos * 9 / 10);
        PointResult point = new PointResult(batchSize, 128, 3, List.of(rep, rep, rep), latency.summary(), "ok");
        EmbeddingWorkload w = new EmbeddingWorkload("w", "embedding", "test", 128, List.of(batchSize), 3, 3, 1.0, 3, "bundled:default");
        RunConfig config = new RunConfig("m", w, "rent-299", "ort", EngineOptions.defaults(), 100);
        Provenance prov = new Provenance("cpu", 1, 2, 1L << 30, "os", "jvm", "0", "1.23.2", "0.36.0", "ab", "real", null, "host", java.util.List.of());
        ModelFacts model = new ModelFacts("m", "real", "int8", 1, "test",
                new ModelInfo("ort", "1.23.2", "cpu", "CPUExecutionProvider", List.of("input_ids"), List.of("last_hidden_state")));
        RunHeader header = new RunHeader("20261123T000000Z-test", Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-23T00:01:00Z"), config, prov, model, EmbeddingResult.METRICS, List.of(), null);
        return new RunReport(RunReport.SCHEMA_VERSION, header, new EmbeddingResult(List.of(point)), null);
    }

    /** The embedding result of a report built here. */
    public static EmbeddingResult embedding(RunReport report) {
        return (EmbeddingResult) report.result();
    }

    /** The generation result of a report built here. */
    public static GenerationResult generation(RunReport report) {
        return (GenerationResult) report.result();
    }
}
