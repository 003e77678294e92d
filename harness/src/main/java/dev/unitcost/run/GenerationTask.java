package dev.unitcost.run;

import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.OnnxWeights;
import dev.unitcost.model.Sha256;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.TaskResult;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;

/**
 * A decoder's generation sweep: open the decoder, read the facts MBU needs, sweep.
 *
 * @param peakBandwidthBytesPerSecond for MBU; null when unknown
 * @param bandwidthSource where it comes from, shown beside every MBU figure
 */
record GenerationTask(DecoderModel model, GenerationWorkload workload, Prompts prompts, Engine engine, EngineOptions options,
        Double peakBandwidthBytesPerSecond, String bandwidthSource) implements TaskRun {

    @Override
    public String modelSha256() {
        return Sha256.of(model.onnxFile());
    }

    @Override
    public Opened open(RunEnvironment env) {
        OnnxWeights.Summary weights = OnnxWeights.summarise(model.onnxFile());
        GenerationSession session = engine.openDecoder(model, options);
        DecoderFacts decoder = new DecoderFacts(parameterCount(model), weights.bytesByDtype(), weights.totalBytes(),
                weights.bytesReadPerStep(), model.kvBytesPerToken(session.kvElementBytes()), peakBandwidthBytesPerSecond,
                bandwidthSource);
        ModelFacts facts = new ModelFacts(model.dir().getFileName().toString(), model.twin() ? "twin" : "real", model.quantization(),
                RunFiles.sizeOnDisk(model.onnxFile()), model.dir().toString(), session.info());
        return new Opened() {
            @Override
            public ModelFacts facts() {
                return facts;
            }

            @Override
            public TaskResult measure(ProgressListener progress) {
                return new GenerationResult(decoder, new GenerationSweep(session, prompts, workload, decoder, progress).run());
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private static Long parameterCount(DecoderModel model) {
        try {
            return DecoderArchitecture.fromHfConfig(model.dir().resolve("config.json")).paramCount();
        } catch (RuntimeException e) {
            return null; // an architecture the twin generator does not model: the count stays unknown, not guessed
        }
    }
}
