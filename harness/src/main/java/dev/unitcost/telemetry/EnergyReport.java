package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Energy of a run, per device and per phase, with how every figure was obtained and whose it is.
 *
 * <p>Each device carries a {@link EnergyScope}: the run's devices ({@link #runDevices()}, as the
 * caller named them) make the run's figures; other devices of the host (an idle GPU beside a CPU
 * run) are listed with their own scope and counted only in {@link #hostTotalJoules()}.
 * Totals and per-token figures cover the counted phases only (warm-up excluded). When no run
 * device could be measured or estimated, every run figure is absent, {@link #method()} is
 * {@code null}, and {@link #notes()} says why: never a silent zero.
 *
 * @param devices one entry per device: the run's first, then the host's others, each most
 *     trustworthy method first
 * @param phases one entry per phase, in order, the run's devices only; empty without them
 * @param totalJoules joules over the counted phases, the run's devices only
 * @param method the weakest method among the run's devices (null when there is no run figure)
 * @param joulesPerInputToken prefill joules / input tokens, the run's devices only; only when the
 *     run marked {@code prefill} and {@code decode} phases and had input tokens
 * @param joulesPerOutputToken decode joules / output tokens; same scope and condition
 * @param joulesPerToken {@link #totalJoules} / (input + output tokens): the run's devices only
 * @param runDevices the parts the run used ({@code cpu}, {@code memory}, {@code gpu0}, …), sorted
 * @param hostTotalJoules joules over the counted phases, every device of the host that has a figure
 * @param samplerCpuFraction per sampler, its thread's CPU time divided by its run time
 *     (fraction of one core)
 * @param notes what was left out or only partly observed, in words
 */
public record EnergyReport(
        List<DeviceEnergy> devices, List<PhaseEnergy> phases, OptionalDouble totalJoules,
        EnergyMethod method, OptionalDouble joulesPerInputToken, OptionalDouble joulesPerOutputToken,
        OptionalDouble joulesPerToken, List<String> runDevices, OptionalDouble hostTotalJoules,
        Map<String, Double> samplerCpuFraction, List<String> notes) {

    public EnergyReport {
        devices = List.copyOf(devices);
        phases = List.copyOf(phases);
        // A report of the first schema, read back, has neither: every device was the run's.
        runDevices = (runDevices != null ? runDevices : devices.stream().map(DeviceEnergy::part).toList())
                .stream().sorted().distinct().toList();
        hostTotalJoules = hostTotalJoules != null ? hostTotalJoules : totalJoules;
        samplerCpuFraction = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(samplerCpuFraction));
        notes = List.copyOf(notes);
        boolean anyRun = devices.stream().anyMatch(d -> d.scope() == EnergyScope.RUN);
        if (anyRun != (method != null)) {
            throw new IllegalArgumentException("a method is given exactly when the run's devices have figures");
        }
        if (totalJoules == null || hostTotalJoules == null) {
            throw new IllegalArgumentException("an absent total is empty, not null");
        }
    }

    /**
     * A report in the first schema, which had no scopes: every device was the run's and the host
     * total was the run's total. Kept for callers written against it.
     */
    public EnergyReport(List<DeviceEnergy> devices, List<PhaseEnergy> phases, OptionalDouble totalJoules,
            EnergyMethod method, OptionalDouble joulesPerInputToken, OptionalDouble joulesPerOutputToken,
            OptionalDouble joulesPerToken, Map<String, Double> samplerCpuFraction, List<String> notes) {
        this(devices, phases, totalJoules, method, joulesPerInputToken, joulesPerOutputToken, joulesPerToken,
                devices.stream().map(DeviceEnergy::part).toList(), totalJoules, samplerCpuFraction, notes);
    }

    /** Mean watts over the counted phases, the run's devices; absent without a total. */
    public OptionalDouble meanWatts() {
        long nanos = phases.stream().filter(PhaseEnergy::countsTowardTotal).mapToLong(PhaseEnergy::durationNanos).sum();
        return totalJoules.isPresent() && nanos > 0
                ? OptionalDouble.of(totalJoules.getAsDouble() / (nanos / 1e9))
                : OptionalDouble.empty();
    }

    /**
     * The one-line summary renderers show: the run's energy and which devices it covers, each
     * part with its joules and method, joules per token with the scope it divides, then the
     * host's other devices with their scope and method, and the host total. For example:
     * {@code energy 120.0 J (run: cpu, memory) — cpu 95.0 J estimated, memory 25.0 J estimated;
     * 0.0120 J/token over the run's devices (cpu, memory); host-idle: gpu0 790.0 J measured;
     * host total 910.0 J}.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        String run = String.join(", ", runDevices);
        if (totalJoules.isEmpty()) {
            parts.add("energy: no figure for the run (" + (run.isEmpty() ? "no devices named" : run) + ")"
                    + (notes.isEmpty() ? "" : ": " + notes.get(0)));
        } else {
            parts.add(String.format(Locale.ROOT, "energy %.1f J (run: %s) — %s", totalJoules.getAsDouble(), run,
                    describe(EnergyScope.RUN)));
            joulesPerToken.ifPresent(j -> parts.add(String.format(Locale.ROOT, "%.4g J/token over the run's devices (%s)", j, run)));
        }
        for (EnergyScope scope : List.of(EnergyScope.HOST_IDLE, EnergyScope.HOST_OTHER)) {
            if (devices.stream().anyMatch(d -> d.scope() == scope)) {
                parts.add(scope.label() + ": " + describe(scope));
            }
        }
        hostTotalJoules.ifPresent(j -> {
            if (devices.stream().anyMatch(d -> d.scope() != EnergyScope.RUN)) {
                parts.add(String.format(Locale.ROOT, "host total %.1f J", j));
            }
        });
        return String.join("; ", parts);
    }

    private String describe(EnergyScope scope) {
        return devices.stream().filter(d -> d.scope() == scope)
                .map(d -> String.format(Locale.ROOT, "%s %.1f J %s", d.part(), d.totalJoules(), d.method().label()))
                .collect(Collectors.joining(", "));
    }
}
