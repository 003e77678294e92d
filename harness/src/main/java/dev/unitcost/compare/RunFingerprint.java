package dev.unitcost.compare;

import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.result.RunReport;

/**
 * What makes two runs the same experiment, so one can be the other's baseline: the same model file,
 * engine, devices and workload. Versions, threads and pricing are not part of it: two runs with the
 * same fingerprint that differ there are still told apart by {@link RunDifferences}.
 *
 * @param modelSha256 the model file measured
 * @param engine the engine's name
 * @param devices the CPU (model and logical CPUs) or the GPU the run used
 * @param task the task kind
 * @param workload the workload's name
 * @param workloadSettings the workload as run (after command-line overrides), as stored: the same name with other batch
 *     sizes or lengths is another experiment
 */
public record RunFingerprint(String modelSha256, String engine, MeasuredDevices devices, String task, String workload,
        String workloadSettings) {

    public static RunFingerprint of(RunReport r) {
        HeaderFields h = new HeaderFields(r);
        return new RunFingerprint(r.header().provenance().modelSha256(), r.header().config().engine(), r.measuredDevices(),
                r.result().kind(), h.text("/config/workload/name"), h.text("/config/workload"));
    }
}
