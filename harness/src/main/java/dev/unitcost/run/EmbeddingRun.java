package dev.unitcost.run;

import dev.unitcost.engine.ModelSession;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.telemetry.TelemetrySummary;
import dev.unitcost.workload.PackedBatches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One embedding run, start to finish: tokenize the corpus, open the session, sample the machine
 * in the background, run the sweep, and assemble the {@link RunReport} (unpriced).
 */
public final class EmbeddingRun {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
            for (TelemetrySampler sampler : request.samplers()) {
                sessions.add(sampler.start(request.sampleInterval()));
            }
            ProgressListener marking = new MarkingListener(progress, sessions);
            points = new EmbeddingSweep(session, batches, request.workload(), marking).run();
            facts = new ModelFacts(request.model().name(), request.model().kind(), request.model().quantization(),
                    sizeOnDisk(request.model().onnxFile()), request.model().source(), session.info());
        } finally {
            sessions.forEach(SamplingSession::close);
        }
        List<TelemetrySummary> telemetry = sessions.stream().map(s -> TelemetrySummary.of(s.stop())).toList();
        Provenance provenance = ProvenanceCapture.capture(facts.session().runtimeVersion(), request.model().sha256(),
                request.model().kind(), projectRoot);
        RunConfig config = new RunConfig(request.modelArgument(), request.workload(), request.hardwareProfile(),
                request.engine().name(), request.engineOptions(), request.sampleInterval().toMillis());
        return new RunReport(RunReport.SCHEMA_VERSION, runId(started), "embedding", started, Instant.now(), config,
                provenance, facts, RunReport.EMBEDDING_METRICS, points, telemetry, null);
    }

    private String runId(Instant started) {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return ID_TIME.format(started) + "-" + request.engine().name() + "-" + request.model().name() + "-" + suffix;
    }

    static long sizeOnDisk(Path onnx) {
        try {
            long bytes = Files.size(onnx);
            for (String ext : List.of(".data", "_data")) {
                Path external = onnx.resolveSibling(onnx.getFileName() + ext);
                if (Files.isRegularFile(external)) {
                    bytes += Files.size(external);
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forwards progress and marks phase changes in every sampling session. */
    private record MarkingListener(ProgressListener delegate, List<SamplingSession> sessions) implements ProgressListener {
        @Override
        public void phase(String phase) {
            sessions.forEach(s -> s.mark(phase));
            delegate.phase(phase);
        }

        @Override
        public void pointStarted(int index, int count, int batchSize) {
            delegate.pointStarted(index, count, batchSize);
        }

        @Override
        public void repetitionFinished(int batchSize, int repetition, int repetitions, double tokensPerSecond) {
            delegate.repetitionFinished(batchSize, repetition, repetitions, tokensPerSecond);
        }

        @Override
        public void pointFailed(int batchSize, String reason) {
            delegate.pointFailed(batchSize, reason);
        }
    }
}
