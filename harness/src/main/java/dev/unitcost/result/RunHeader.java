package dev.unitcost.result;

import dev.unitcost.telemetry.EnergyReport;
import dev.unitcost.telemetry.TelemetrySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What every run records whatever its task: who, when, with what, on what, and what the machine did.
 *
 * @param runId unique, sortable by start time
 * @param startedAt wall-clock start (UTC)
 * @param finishedAt wall-clock end (UTC)
 * @param config the configuration, echoed
 * @param provenance machine, versions, model hash, commit
 * @param model the model as measured
 * @param metricDefinitions what each reported figure means
 * @param telemetry one summary per sampler
 * @param energy joules per phase and per token, each labelled measured, integrated or estimated; null without samplers
 */
public record RunHeader(
        String runId, Instant startedAt, Instant finishedAt, RunConfig config, Provenance provenance, ModelFacts model,
        Map<String, String> metricDefinitions, List<TelemetrySummary> telemetry, EnergyReport energy) {

    public RunHeader {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("required: runId");
        }
        metricDefinitions = Map.copyOf(metricDefinitions);
        telemetry = List.copyOf(telemetry);
    }

    public RunHeader withRunId(String newRunId) {
        return new RunHeader(newRunId, startedAt, finishedAt, config, provenance, model, metricDefinitions, telemetry, energy);
    }

    public RunHeader withConfig(RunConfig newConfig) {
        return new RunHeader(runId, startedAt, finishedAt, newConfig, provenance, model, metricDefinitions, telemetry, energy);
    }

    public RunHeader withEnergy(EnergyReport newEnergy) {
        return new RunHeader(runId, startedAt, finishedAt, config, provenance, model, metricDefinitions, telemetry, newEnergy);
    }

    public RunHeader withMetricDefinitions(Map<String, String> definitions) {
        return new RunHeader(runId, startedAt, finishedAt, config, provenance, model, definitions, telemetry, energy);
    }
}
