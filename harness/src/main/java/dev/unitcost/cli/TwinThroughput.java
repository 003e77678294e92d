package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.Device;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.model.ModelLoad;
import dev.unitcost.projection.DevicePhysics;
import dev.unitcost.projection.Efficiency;
import dev.unitcost.projection.Projector;
import dev.unitcost.synth.TwinCache;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * Looks up what a projection of a twin preset needs (its facts, the profile's device from the
 * catalogue, a workload's points) and asks {@link Projector} for the best point's throughput: for
 * {@code cost --route}, {@code cost --scenario} and {@code margins}, where nothing was measured.
 */
final class TwinThroughput {

    /** Batch sizes a served model sees, for projections when no workload is named. */
    static final String SERVING_WORKLOAD = "generation-serving";

    private TwinThroughput() {}

    /** The facts a {@code twin:PRESET:QUANT} reference names; {@code option} is blamed when it is not one. */
    static ModelLoad load(String reference, String option) {
        if (!TwinCache.isReference(reference)) {
            throw InputException.option(option, "expected twin:PRESET:QUANT (projected; nothing is written), got '" + reference + "'");
        }
        try {
            return TwinCache.modelLoad(reference);
        } catch (InputException e) {
            throw InputException.option(option, e.expectation() != null ? e.expectation() : e.getMessage());
        }
    }

    /** One device of {@code profile}, from the device catalogue it names. */
    static DevicePhysics physics(Profiles profiles, HardwareProfile profile, String option) {
        if (profile.device() == null) {
            throw InputException.option(option, "profile " + profile.name() + " names no device (profiles/devices/) to project onto");
        }
        Device d = profiles.device(profile.device());
        if (d.memoryBandwidthBytesPerSecond() == null || d.fp16FlopsPerSecond() == null) {
            throw InputException.option(option, "device " + d.name() + " states no bandwidth or FP16 FLOP/s to project with");
        }
        String catalogue = "profiles/devices/" + d.name() + ".yaml";
        return new DevicePhysics(d.name(), d.kind(), d.memoryBandwidthBytesPerSecond(), catalogue, d.fp16FlopsPerSecond(), catalogue, d.memoryBytes());
    }

    /** A generation workload's points. */
    static Projector.Points points(ProjectLayout layout, String workload, String option) {
        Path file = ConfigFiles.resolveNamed(layout.workloads(), workload, "workload");
        Workload w = ConfigFiles.read(file, Workload.class);
        if (!(w instanceof GenerationWorkload g)) {
            throw InputException.option(option, "'" + workload + "' is not a generation workload");
        }
        return new Projector.Points(g.name(), g.batchSizes(), g.inputLengths(), g.outputLengths());
    }

    /** The same points at other lengths (a scenario's own request shape). */
    static Projector.Points withLengths(Projector.Points p, int input, int output) {
        return new Projector.Points(p.workload() + " at " + input + " in / " + output + " out", p.batchSizes(), List.of(input),
                List.of(output));
    }

    /**
     * The projected throughput of one serving unit ({@code tensorParallel} devices of the profile).
     *
     * @throws InputException naming {@code option} when no point fits
     */
    static MeasuredThroughput project(ModelLoad m, DevicePhysics one, HardwareProfile profile, Projector.Points points,
            int tensorParallel, double tensorParallelEfficiency, String option) {
        DevicePhysics unit = one.tensorParallel(tensorParallel, tensorParallelEfficiency);
        return Projector.bestThroughput(m, new Projector.Target(profile, unit), points, Efficiency.DEFAULT)
                .orElseThrow(() -> InputException.option(option, m.name() + " " + m.format() + " does not fit " + unit.device()
                        + " at any of " + points.workload() + "'s points"));
    }
}
