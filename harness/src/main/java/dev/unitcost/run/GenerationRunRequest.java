package dev.unitcost.run;

import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;
import java.time.Duration;
import java.util.List;

/**
 * Everything a generation run needs, validated and resolved.
 *
 * @param peakBandwidthBytesPerSecond for MBU; null when unknown
 * @param bandwidthSource where it comes from, shown beside every MBU figure
 * @param powerModel for energy nothing measured; null for none
 */
public record GenerationRunRequest(
        String modelArgument, DecoderModel model, GenerationWorkload workload, Prompts prompts, Engine engine,
        EngineOptions engineOptions, List<TelemetrySampler> samplers, Duration sampleInterval, String hardwareProfile,
        Double peakBandwidthBytesPerSecond, String bandwidthSource, dev.unitcost.telemetry.PowerModel powerModel) {

    public GenerationRunRequest {
        samplers = List.copyOf(samplers);
    }
}
