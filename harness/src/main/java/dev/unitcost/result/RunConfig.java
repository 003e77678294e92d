package dev.unitcost.result;

import dev.unitcost.engine.EngineOptions;
import dev.unitcost.workload.Workload;

/**
 * The configuration a run was made with, echoed into its report.
 *
 * @param model the {@code --model} value
 * @param workload the workload as run (after command-line overrides)
 * @param hardwareProfile the name of the profile the run was priced on; null when none described its devices (the
 *     whole profile is in the report's cost section)
 * @param engine engine name
 * @param engineOptions session settings
 * @param sampleIntervalMillis telemetry interval
 */
public record RunConfig(
        String model,
        Workload workload,
        String hardwareProfile,
        String engine,
        EngineOptions engineOptions,
        long sampleIntervalMillis) {}
