package dev.unitcost.run;

import dev.unitcost.engine.GenerationSession;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.OnnxWeights;
import dev.unitcost.model.Sha256;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One generation run: open the decoder, sample the machine, run the sweep, assemble the (unpriced) report. */
public final class GenerationRun {

    private final GenerationRunRequest request;
    private final ProgressListener progress;
    private final Path projectRoot;

    public GenerationRun(GenerationRunRequest request, ProgressListener progress, Path projectRoot) {
        this.request = request;
        this.progress = progress;
        this.projectRoot = projectRoot;
    }

    public RunReport execute() {
        Instant started = Instant.now();
        progress.phase("load");
        DecoderModel model = request.model();
        Map<String, Long> byDtype = OnnxWeights.bytesByDtype(model.onnxFile());
        long weightBytes = byDtype.values().stream().mapToLong(Long::longValue).sum();
        List<SamplingSession> sessions = new ArrayList<>();
        List<GenerationPoint> points;
        ModelFacts facts;
        DecoderFacts decoder;
        try (GenerationSession session = request.engine().openDecoder(model, request.engineOptions())) {
            decoder = new DecoderFacts(parameterCount(model), byDtype, weightBytes, model.kvBytesPerToken(session.kvElementBytes()),
                    request.peakBandwidthBytesPerSecond(), request.bandwidthSource());
            sessions.addAll(RunSupport.start(request.samplers(), request.sampleInterval()));
            ProgressListener marking = new RunSupport.MarkingListener(progress, sessions);
            points = new GenerationSweep(session, request.prompts(), request.workload(), decoder, marking).run();
            facts = new ModelFacts(model.dir().getFileName().toString(), model.twin() ? "twin" : "real", model.quantization(),
                    RunSupport.sizeOnDisk(model.onnxFile()), model.dir().toString(), session.info());
        } finally {
            sessions.forEach(SamplingSession::close);
        }
        var traces = sessions.stream().map(SamplingSession::stop).toList();
        List<TelemetrySummary> telemetry = traces.stream().map(TelemetrySummary::of).toList();
        long in = points.stream().flatMap(p -> p.repetitions().stream()).mapToLong(r -> r.promptTokens()).sum();
        long out = points.stream().flatMap(p -> p.repetitions().stream()).mapToLong(r -> r.outputTokens()).sum();
        var energy = RunSupport.energy(traces, request.powerModel(), in, out);
        Provenance provenance = ProvenanceCapture.capture(facts.session().runtimeVersion(), Sha256.of(model.onnxFile()),
                facts.kind(), projectRoot);
        RunConfig config = new RunConfig(request.modelArgument(), request.workload(), request.hardwareProfile(),
                request.engine().name(), request.engineOptions(), request.sampleInterval().toMillis());
        return new RunReport(RunReport.SCHEMA_VERSION, RunSupport.runId(started, request.engine().name(), facts.name()), "generation",
                started, Instant.now(), config, provenance, facts, RunReport.GENERATION_METRICS, List.of(), points, decoder,
                telemetry, energy, null, null);
    }

    private static Long parameterCount(DecoderModel model) {
        try {
            return DecoderArchitecture.fromHfConfig(model.dir().resolve("config.json")).paramCount();
        } catch (RuntimeException e) {
            return null; // an architecture the twin generator does not model: the count stays unknown, not guessed
        }
    }
}
