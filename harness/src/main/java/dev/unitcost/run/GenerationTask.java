package dev.unitcost.run;

import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.engine.ModelShape;
import dev.unitcost.model.DecoderModel;
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
        GenerationSession session = engine.openDecoder(model.ref(), options);
        ModelShape shape = session.info().shape();
        if (shape == null || shape.kvBytesPerToken() == null) {
            session.close();
            throw new IllegalStateException(engine.name() + " did not report the decoder's shape (weights, KV bytes per token)");
        }
        DecoderFacts decoder = new DecoderFacts(shape.parameterCount(), shape.weightBytesByDtype(), shape.weightBytes(),
                shape.weightBytesReadPerStep(), shape.kvBytesPerToken(), peakBandwidthBytesPerSecond, bandwidthSource,
                shape.prefillLogits(), shape.logitsShareOfPrefill());
        ModelFacts facts = new ModelFacts(model.dir().getFileName().toString(), model.twin() ? "twin" : "real", model.quantization(),
                RunFiles.sizeOnDisk(model.onnxFile()), model.dir().toString(), session.info());
        return new OpenTask(facts, progress -> new GenerationResult(decoder, new GenerationSweep(session, prompts, workload, decoder,
                progress, env.nanoTime(), env.stopRequested()).run()), session);
    }
}
