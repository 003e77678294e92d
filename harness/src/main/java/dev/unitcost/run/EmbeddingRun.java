package dev.unitcost.run;

import dev.unitcost.engine.ModelSession;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySummary;
import dev.unitcost.workload.PackedBatches;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedding run, start to finish: tokenize the corpus, open the session, sample the machine
 * in the background, run the sweep, and assemble the {@link RunReport} (unpriced).
 */
public final class EmbeddingRun {

    private final RunRequest request;
    private final ProgressListener progress;
    private final Path projectRoot;

    public EmbeddingRun(RunRequest request, ProgressListener progress, Path projectRoot) {
        this.request = request;
        this.progress = progress;
        this.projectRoot = projectRoot;
    }

    public RunReport execute() {
        Instant started = Instant.now();
        progress.phase("load");
        PackedBatches batches;
        try (HfTokenizer tokenizer = HfTokenizer.load(request.model().tokenizerFile())) {
            batches = new PackedBatches(request.corpus(), tokenizer, request.workload().sequenceLength());
        }
        List<SamplingSession> sessions = new ArrayList<>();
        List<PointResult> points;
        ModelFacts facts;
        try (ModelSession session = request.engine().open(request.model(), request.engineOptions())) {
            sessions.addAll(RunSupport.start(request.samplers(), request.sampleInterval()));
            ProgressListener marking = new RunSupport.MarkingListener(progress, sessions);
            points = new EmbeddingSweep(session, batches, request.workload(), marking).run();
            facts = new ModelFacts(request.model().name(), request.model().kind(), request.model().quantization(),
                    RunSupport.sizeOnDisk(request.model().onnxFile()), request.model().source(), session.info());
        } finally {
            sessions.forEach(SamplingSession::close);
        }
        var traces = sessions.stream().map(SamplingSession::stop).toList();
        List<TelemetrySummary> telemetry = traces.stream().map(TelemetrySummary::of).toList();
        long tokens = points.stream().flatMap(p -> p.repetitions().stream()).mapToLong(r -> r.tokens()).sum();
        var energy = RunSupport.energy(traces, request.powerModel(), tokens, 0);
        Provenance provenance = ProvenanceCapture.capture(facts.session().runtimeVersion(), request.model().sha256(),
                request.model().kind(), projectRoot);
        RunConfig config = new RunConfig(request.modelArgument(), request.workload(), request.hardwareProfile(),
                request.engine().name(), request.engineOptions(), request.sampleInterval().toMillis());
        return new RunReport(RunReport.SCHEMA_VERSION, RunSupport.runId(started, request.engine().name(), request.model().name()), "embedding", started, Instant.now(), config,
                provenance, facts, RunReport.EMBEDDING_METRICS, points, List.of(), null, telemetry, energy, null, null);
    }
}
