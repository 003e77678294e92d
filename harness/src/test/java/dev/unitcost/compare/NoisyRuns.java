package dev.unitcost.compare;

import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunHeader;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Scripted noise for comparison tests: embedding runs of one point (batch 8) whose repetitions are
 * drawn from a seeded model of a shared VM. Each run is shifted as a whole by Gaussian noise of
 * {@link #RUN_SD} (the run-to-run drift a single-pair t-test cannot see), and each repetition by
 * {@link #REPETITION_SD} more; {@link #REPETITIONS} repetitions per run.
 */
final class NoisyRuns {

    static final double BASE_TOKENS_PER_SECOND = 1000;
    static final double RUN_SD = 0.05;
    static final double REPETITION_SD = 0.02;
    static final int REPETITIONS = 5;
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private final Random random;
    private int made;

    NoisyRuns(long seed) {
        this.random = new Random(seed);
    }

    /** The next run, {@code factor} times the base rate (1 = same build), started a day after the previous one. */
    RunReport next(String runId, double factor) {
        double run = 1 + RUN_SD * random.nextGaussian();
        double[] tps = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            tps[i] = BASE_TOKENS_PER_SECOND * factor * run * (1 + REPETITION_SD * random.nextGaussian());
        }
        return startedAt(RunReports.withThroughputs(runId, 8, tps), START.plus(Duration.ofDays(made++)));
    }

    /** The same report, started at {@code at}. */
    static RunReport startedAt(RunReport r, Instant at) {
        RunHeader h = r.header();
        return r.withHeader(new RunHeader(h.runId(), at, at.plusSeconds(60), h.config(), h.provenance(), h.model(), h.metricDefinitions(),
                h.telemetry(), h.energy()));
    }

    /** The same report measured with another ONNX Runtime. */
    static RunReport withRuntime(RunReport r, String version) {
        Provenance p = r.header().provenance();
        Provenance q = new Provenance(p.cpuModel(), p.physicalCores(), p.logicalCores(), p.memoryBytes(), p.os(), p.jvm(), p.unitcostVersion(),
                version, p.djlVersion(), p.modelSha256(), p.modelKind(), p.gitCommit(), p.hostname(), p.gpuNames());
        var m = r.header().model();
        var s = m.session();
        var model = new dev.unitcost.result.ModelFacts(m.name(), m.kind(), m.quantization(), m.onnxBytes(), m.source(),
                new dev.unitcost.engine.ModelInfo(s.engine(), version, s.device(), s.executionProvider(), s.inputNames(), s.outputNames(),
                        s.shape()));
        RunHeader h = r.header();
        return r.withHeader(new RunHeader(h.runId(), h.startedAt(), h.finishedAt(), h.config(), q, model, h.metricDefinitions(), h.telemetry(),
                h.energy()));
    }
}
