package dev.unitcost.run;

import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunHeader;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.TaskResult;
import dev.unitcost.telemetry.EnergyAccount;
import dev.unitcost.telemetry.EnergyReport;
import dev.unitcost.telemetry.PhaseWindow;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.telemetry.TelemetrySummary;
import dev.unitcost.telemetry.TelemetryTrace;
import dev.unitcost.telemetry.TokenCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one run skeleton, whatever the task: open the task, sample the machine while it measures,
 * close, account energy, capture provenance, assemble the {@link RunReport} and price it. A run
 * where no point succeeded is stored unpriced, so its measurements are not lost.
 */
public final class Runner {

    private final RunEnvironment env;

    public Runner(RunEnvironment env) {
        this.env = env;
    }

    public RunReport run(PlannedRun plan, ProgressListener progress) {
        Instant started = env.clock().instant();
        progress.phase("load");
        List<SamplingSession> sessions = new ArrayList<>();
        TaskResult result;
        ModelFacts facts;
        try (TaskRun.Opened opened = plan.task().open(env)) {
            facts = opened.facts();
            sessions.addAll(start(plan.samplers(), plan));
            result = opened.measure(new MarkingListener(progress, sessions));
        } finally {
            sessions.forEach(SamplingSession::close);
        }
        List<TelemetryTrace> traces = sessions.stream().map(SamplingSession::stop).toList();
        List<TelemetrySummary> telemetry = traces.stream().map(TelemetrySummary::of).toList();
        EnergyReport energy = energy(traces, plan, result);
        Provenance provenance = env.provenance().capture(facts.session().runtimeVersion(), plan.task().modelSha256(), facts.kind());
        PlannedRun.Pricing pricing = plan.pricing();
        RunConfig config = new RunConfig(plan.modelArgument(), plan.workload(), pricing == null ? null : pricing.hardware().name(),
                plan.engineName(), plan.engineOptions(), plan.sampleInterval().toMillis());
        RunHeader header = new RunHeader(env.runId(started, plan.engineName(), facts.name()), started, env.clock().instant(), config,
                provenance, facts, result.metricDefinitions(), telemetry, energy);
        RunReport report = new RunReport(RunReport.SCHEMA_VERSION, header, result, null);
        if (pricing == null || !result.anyOk()) {
            return report;
        }
        return report.priced(pricing.hardware(), pricing.cards(), pricing.utilisation(), pricing.choice());
    }

    private static List<SamplingSession> start(List<TelemetrySampler> samplers, PlannedRun plan) {
        List<SamplingSession> sessions = new ArrayList<>();
        for (TelemetrySampler sampler : samplers) {
            sessions.add(sampler.start(plan.sampleInterval()));
        }
        return sessions;
    }

    /**
     * The devices a run uses, as telemetry names them: the CPU (with its memory) always, and for a GPU
     * run the GPU as NVML numbers it. CUDA numbers the devices {@code CUDA_VISIBLE_DEVICES} lists, in
     * its order; NVML numbers every GPU of the host.
     */
    static java.util.Set<String> runDevices(String device, String cudaVisibleDevices) {
        if (!device.startsWith("cuda")) {
            return java.util.Set.of("cpu");
        }
        int cuda = device.contains(":") ? Integer.parseInt(device.substring(device.indexOf(':') + 1)) : 0;
        int nvml = cuda;
        if (cudaVisibleDevices != null && !cudaVisibleDevices.isBlank()) {
            String[] visible = cudaVisibleDevices.split(",");
            if (cuda < visible.length && visible[cuda].strip().matches("\\d+")) {
                nvml = Integer.parseInt(visible[cuda].strip());
            }
        }
        return java.util.Set.of("cpu", "gpu" + nvml);
    }

    /** Energy of the counted phases from every sampler's trace (phases from the first trace's marks); null without samplers. */
    private static EnergyReport energy(List<TelemetryTrace> traces, PlannedRun plan, TaskResult result) {
        if (traces.isEmpty()) {
            return null;
        }
        TelemetryTrace first = traces.get(0);
        return EnergyAccount.account(traces, PhaseWindow.fromMarks(first.marks(), first.endNanos()), plan.powerModel(),
                new TokenCounts(result.inputTokens(), result.outputTokens()), runDevices(plan.engineOptions().device(),
                        System.getenv("CUDA_VISIBLE_DEVICES")));
    }
}
