package dev.unitcost.telemetry;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Energy of a run, per device and per phase, with how every figure was obtained.
 *
 * <p>Totals and per-token figures cover the counted phases only (warm-up excluded). When no
 * device could be measured or estimated, {@link #devices()} is empty, every figure is absent,
 * {@link #method()} is {@code null}, and {@link #notes()} says why: never a silent zero.
 *
 * @param devices one entry per device, measured ones first
 * @param phases one entry per phase, in order; empty when there are no devices
 * @param totalJoules joules over the counted phases, all devices
 * @param method the weakest method among the devices (null when there is no figure)
 * @param joulesPerInputToken prefill joules / input tokens; only when the run marked
 *     {@code prefill} and {@code decode} phases and had input tokens
 * @param joulesPerOutputToken decode joules / output tokens; same condition
 * @param joulesPerToken total joules / (input + output tokens), whatever the phases
 * @param samplerCpuFraction per sampler, its thread's CPU time divided by its run time
 *     (fraction of one core)
 * @param notes what was left out or only partly observed, in words
 */
public record EnergyReport(
        List<DeviceEnergy> devices, List<PhaseEnergy> phases, OptionalDouble totalJoules,
        EnergyMethod method, OptionalDouble joulesPerInputToken, OptionalDouble joulesPerOutputToken,
        OptionalDouble joulesPerToken, Map<String, Double> samplerCpuFraction, List<String> notes) {

    public EnergyReport {
        devices = List.copyOf(devices);
        phases = List.copyOf(phases);
        samplerCpuFraction = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(samplerCpuFraction));
        notes = List.copyOf(notes);
        if (devices.isEmpty() != (method == null)) {
            throw new IllegalArgumentException("a method is given exactly when there are device figures");
        }
    }

    /** Mean watts over the counted phases, all devices; absent without a total. */
    public OptionalDouble meanWatts() {
        long nanos = phases.stream().filter(PhaseEnergy::countsTowardTotal).mapToLong(PhaseEnergy::durationNanos).sum();
        return totalJoules.isPresent() && nanos > 0
                ? OptionalDouble.of(totalJoules.getAsDouble() / (nanos / 1e9))
                : OptionalDouble.empty();
    }
}
