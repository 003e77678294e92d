package dev.unitcost.run;

import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EmbeddingWorkload;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run needs, already validated and resolved.
 *
 * @param modelArgument the {@code --model} value as given, echoed into the report
 * @param hardwareProfile name of the profile the run will be priced with
 * @param powerModel for energy nothing measured; null for none
 */
public record RunRequest(
        String modelArgument,
        ModelSpec model,
        EmbeddingWorkload workload,
        Corpus corpus,
        Engine engine,
        EngineOptions engineOptions,
        List<TelemetrySampler> samplers,
        Duration sampleInterval,
        String hardwareProfile,
        dev.unitcost.telemetry.PowerModel powerModel) {

    public RunRequest {
        samplers = List.copyOf(samplers);
    }
}
