package dev.unitcost.telemetry;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Energy of one device (a RAPL domain, a GPU, an estimated component) over a run.
 *
 * @param device {@code sampler/name}, e.g. {@code rapl/package-0}, {@code nvml/gpu0},
 *     {@code estimate/cpu}
 * @param part the hardware it is, as the caller names the run's devices: {@code cpu},
 *     {@code memory}, {@code gpu0}, … (see {@link EnergyAccount#partOf})
 * @param scope whether the run used it ({@link EnergyScope#RUN}) or it is another device of the host
 * @param method how its joules were obtained
 * @param basis the series it came from and that series' source, or for an estimate the model in words
 * @param joulesByPhase joules in each phase, in phase order (warm-up included here)
 * @param totalJoules joules over the counted phases (warm-up excluded)
 * @param meanWatts total joules over the counted time the device was observed; absent when
 *     none of the counted time was observed
 * @param peakWatts highest power seen in the counted phases (for a counter, the highest rate
 *     between two samples); absent when not observed
 */
public record DeviceEnergy(
        String device, String part, EnergyScope scope, EnergyMethod method, String basis, Map<String, Double> joulesByPhase,
        double totalJoules, OptionalDouble meanWatts, OptionalDouble peakWatts) {

    public DeviceEnergy {
        if (device == null || device.isBlank() || method == null || basis == null) {
            throw new IllegalArgumentException("a device figure needs a name, a method and a basis");
        }
        // A report of the first schema, read back, has neither: every device was counted as the run's.
        part = part == null ? EnergyAccount.partOf(device) : part;
        scope = scope == null ? EnergyScope.RUN : scope;
        if (part.isBlank()) {
            throw new IllegalArgumentException("a device figure needs a part");
        }
        joulesByPhase = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(joulesByPhase));
    }

    /**
     * A figure in the first report schema, which had no scope: every device was counted as the
     * run's. Kept for callers written against it.
     */
    public DeviceEnergy(String device, EnergyMethod method, String basis, Map<String, Double> joulesByPhase,
            double totalJoules, OptionalDouble meanWatts, OptionalDouble peakWatts) {
        this(device, EnergyAccount.partOf(device), EnergyScope.RUN, method, basis, joulesByPhase, totalJoules, meanWatts, peakWatts);
    }

    /** The same figure in another scope. */
    DeviceEnergy withScope(EnergyScope newScope) {
        return new DeviceEnergy(device, part, newScope, method, basis, joulesByPhase, totalJoules, meanWatts, peakWatts);
    }
}
