package dev.unitcost.run;

import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.TaskResult;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.PackedBatches;

/** An encoder's batch-size sweep over sequences packed (at planning) with the model's own tokenizer: open the session, sweep. */
record EmbeddingTask(ModelSpec model, EmbeddingWorkload workload, PackedBatches batches, Engine engine, EngineOptions options)
        implements TaskRun {

    @Override
    public String modelSha256() {
        return model.sha256();
    }

    @Override
    public Opened open(RunEnvironment env) {
        ModelSession session = engine.open(model.ref(), options);
        ModelFacts facts = new ModelFacts(model.name(), model.kind(), model.quantization(), RunFiles.sizeOnDisk(model.onnxFile()),
                model.source(), session.info());
        return new OpenTask(facts, progress -> new EmbeddingResult(new EmbeddingSweep(session, batches, workload, progress,
                env.nanoTime(), env.stopRequested()).run()), session);
    }
}
