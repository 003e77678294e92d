package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns telemetry traces and phase windows into an {@link EnergyReport}: a pure function, so a
 * stored run can be re-accounted later.
 *
 * <p>For each device it takes the best source there is: the difference of a cumulative counter
 * ({@code <device>.energyJoules}, {@link EnergyMethod#MEASURED}); else the trapezoid integral of
 * power readings ({@code <device>.powerWatts}, {@link EnergyMethod#INTEGRATED}); else, for parts
 * nothing measured, the {@link PowerModel} applied to measured utilisation
 * ({@code systemCpuLoadFraction}, {@code gpuN.utilizationFraction}; {@link EnergyMethod#ESTIMATED}).
 * A counter that goes down inside a phase (a reset) is not trusted; power is used instead.
 *
 * <p>Every figure is of one part ({@link #partOf}) and has a scope: the run's devices, which the
 * caller names, make the run's totals and joules per token; other devices of the host are shown
 * as idle or otherwise used, and only in the host total.
 *
 * <p>Series are read linearly between samples and never extrapolated beyond the first and last
 * sample; a phase only partly covered gets the covered part and a note.
 */
public final class EnergyAccount {

    static final String ENERGY = ".energyJoules";
    static final String POWER = ".powerWatts";
    /** A trailing-average power reading ({@code nvmlDeviceGetPowerUsage}): integrated only when nothing better exists. */
    static final String POWER_USAGE = ".powerUsageWatts";
    static final String CPU_LOAD = "systemCpuLoadFraction";
    static final String GPU_UTIL = ".utilizationFraction";

    /** A GPU whose utilisation never rose above this in the counted phases is idle. */
    static final double IDLE_UTILIZATION = 0.05;

    private final List<PhaseWindow> phases;
    private final List<String> notes = new ArrayList<>();

    private EnergyAccount(List<PhaseWindow> phases) {
        this.phases = List.copyOf(phases);
    }

    /**
     * Accounts the energy of a run that used {@code runDevices}.
     *
     * @param traces one per sampler that ran
     * @param phases the run's phases in order (see {@link PhaseWindow#fromMarks})
     * @param model used only for parts nothing measured; null for no estimate
     * @param tokens tokens of the counted phases; null when not known
     * @param runDevices the parts the run used, named as {@link #partOf} names them: {@code cpu},
     *     {@code gpu0}, …; {@code memory} is the run's whenever {@code cpu} is. Every other device
     *     with a figure is reported as {@link EnergyScope#HOST_IDLE} or {@link EnergyScope#HOST_OTHER}
     *     and left out of the run's totals and joules per token.
     */
    public static EnergyReport account(List<TelemetryTrace> traces, List<PhaseWindow> phases, PowerModel model,
            TokenCounts tokens, Set<String> runDevices) {
        if (runDevices == null || runDevices.isEmpty()) {
            throw new IllegalArgumentException("name the devices the run used (cpu, gpu0, ...)");
        }
        Set<String> run = new java.util.TreeSet<>(runDevices);
        if (run.contains("cpu")) {
            run.add("memory");
        }
        return new EnergyAccount(phases).run(traces, model, tokens, run);
    }

    /**
     * Accounts every device with a figure as the run's: for traces of the run's own devices only
     * (a single sampler's, say). A run on a host with other devices uses
     * {@link #account(List, List, PowerModel, TokenCounts, Set)}, which keeps them out of the run's figure.
     */
    public static EnergyReport account(List<TelemetryTrace> traces, List<PhaseWindow> phases, PowerModel model, TokenCounts tokens) {
        return new EnergyAccount(phases).run(traces, model, tokens, null);
    }

    /**
     * The part a device figure is of: {@code rapl/package-0} and {@code estimate/cpu} are
     * {@code cpu}; {@code rapl/package-0.dram} and {@code estimate/memory} are {@code memory};
     * {@code nvml/gpu0} and {@code estimate/gpu0} are {@code gpu0}; anything else its own name.
     */
    public static String partOf(String device) {
        String name = device.substring(device.indexOf('/') + 1);
        if (name.endsWith("dram") || name.equals("memory")) {
            return "memory";
        }
        if (name.startsWith("package") || name.equals("cpu")) {
            return "cpu";
        }
        return name;
    }

    private EnergyReport run(List<TelemetryTrace> traces, PowerModel model, TokenCounts tokens, Set<String> runParts) {
        List<DeviceEnergy> devices = new ArrayList<>();
        for (TelemetryTrace trace : traces) {
            for (String device : devicesIn(trace)) {
                DeviceEnergy d = measure(trace, device);
                if (d != null) {
                    devices.add(d);
                }
            }
        }
        if (model != null) {
            devices.addAll(estimate(traces, devices, model));
        }
        Map<String, Double> overhead = new LinkedHashMap<>();
        for (TelemetryTrace t : traces) {
            if (t.durationNanos() > 0) {
                overhead.put(t.sampler(), (double) t.samplerCpuNanos() / t.durationNanos());
            }
        }
        List<String> runList = runParts == null ? devices.stream().map(DeviceEnergy::part).distinct().toList() : List.copyOf(runParts);
        if (runParts != null) {
            devices.replaceAll(d -> d.withScope(scopeOf(d.part(), runParts, traces)));
        }
        OptionalDouble none = OptionalDouble.empty();
        if (devices.isEmpty()) {
            notes.add(model == null
                    ? "no energy figure: nothing measured energy or power, and no power model was given"
                    : "no energy figure: nothing measured energy or power, and no utilisation was sampled to scale the power model");
            return new EnergyReport(devices, List.of(), none, null, none, none, none, runList, none, overhead, notes);
        }
        return summarise(devices, overhead, tokens, runList);
    }

    /** The run's when it used the part; else idle when its utilisation stayed low, else another use. */
    private EnergyScope scopeOf(String part, Set<String> runParts, List<TelemetryTrace> traces) {
        if (runParts.contains(part)) {
            return EnergyScope.RUN;
        }
        for (TelemetryTrace t : traces) {
            Series util = Series.of(t, part + GPU_UTIL);
            if (util.size() >= 2) {
                double max = 0;
                for (PhaseWindow p : phases) {
                    if (p.countsTowardTotal()) {
                        max = Math.max(max, util.maxOver(p.startNanos(), p.endNanos()).orElse(0));
                    }
                }
                EnergyScope scope = max <= IDLE_UTILIZATION ? EnergyScope.HOST_IDLE : EnergyScope.HOST_OTHER;
                notes.add(String.format(Locale.ROOT, "%s is not one of the run's devices (%s); utilisation peaked at %.0f%%:"
                        + " shown as %s, left out of the run's energy and J/token", part, String.join(", ", runParts),
                        100 * max, scope.label()));
                return scope;
            }
        }
        notes.add(part + " is not one of the run's devices (" + String.join(", ", runParts)
                + "); its utilisation was not sampled: shown as host-other, left out of the run's energy and J/token");
        return EnergyScope.HOST_OTHER;
    }

    /** Device prefixes that carry an energy counter or power readings, in first-seen order. */
    private static Set<String> devicesIn(TelemetryTrace trace) {
        Set<String> out = new LinkedHashSet<>();
        for (Sample s : trace.samples()) {
            for (String key : s.values().keySet()) {
                if (key.endsWith(ENERGY)) {
                    out.add(key.substring(0, key.length() - ENERGY.length()));
                } else if (key.endsWith(POWER)) {
                    out.add(key.substring(0, key.length() - POWER.length()));
                } else if (key.endsWith(POWER_USAGE)) {
                    out.add(key.substring(0, key.length() - POWER_USAGE.length()));
                }
            }
        }
        return out;
    }

    private DeviceEnergy measure(TelemetryTrace trace, String device) {
        String id = trace.sampler() + "/" + device;
        Series counter = Series.of(trace, device + ENERGY);
        Series instant = Series.of(trace, device + POWER);
        Series power = instant.size() >= 2 ? instant : Series.of(trace, device + POWER_USAGE);
        boolean counterUsable = counter.size() >= 2 && phases.stream()
                .allMatch(p -> counter.monotonicOver(p.startNanos(), p.endNanos()));
        if (counter.size() >= 2 && !counterUsable) {
            notes.add(id + ": energy counter went down during the run (reset?); not used");
        }
        if (counterUsable) {
            return figures(id, EnergyMethod.MEASURED, "difference of the energy counter " + device + ENERGY
                    + source(trace, device + ENERGY), counter, true, counter.rates(id));
        }
        if (power.size() >= 2) {
            return figures(id, EnergyMethod.INTEGRATED, "trapezoid integral of " + power.name()
                    + " sampled " + power.size() + " times" + source(trace, power.name()), power, false, power);
        }
        notes.add(id + ": fewer than two readings; no figure");
        return null;
    }

    private static String source(TelemetryTrace trace, String series) {
        String s = trace.seriesSources().get(series);
        return s == null ? "" : " (" + s + ")";
    }

    private List<DeviceEnergy> estimate(List<TelemetryTrace> traces, List<DeviceEnergy> measured, PowerModel model) {
        List<DeviceEnergy> out = new ArrayList<>();
        boolean cpuMeasured = measured.stream().anyMatch(d -> d.device().startsWith("rapl/package"));
        boolean memoryMeasured = measured.stream().anyMatch(d -> d.device().startsWith("rapl/") && d.device().endsWith("dram"));
        Set<String> gpusMeasured = new LinkedHashSet<>();
        measured.forEach(d -> gpusMeasured.add(d.device().substring(d.device().indexOf('/') + 1)));
        boolean sawGpu = false;
        for (TelemetryTrace trace : traces) {
            Series load = Series.of(trace, CPU_LOAD);
            if (!cpuMeasured && load.size() >= 2) {
                Series watts = load.map("estimate/cpu", model::cpuWatts);
                out.add(figures("estimate/cpu", EnergyMethod.ESTIMATED,
                        "CPU power model on " + trace.sampler() + " " + CPU_LOAD
                                + " (the whole machine's load, all processes): " + model.basis(), watts, false, watts));
                cpuMeasured = true; // one CPU estimate, from the first trace that has load
            }
            for (String gpu : gpuUtilisations(trace)) {
                sawGpu = true;
                Series util = Series.of(trace, gpu + GPU_UTIL);
                if (!gpusMeasured.contains(gpu) && model.coversGpus() && util.size() >= 2) {
                    Series watts = util.map("estimate/" + gpu, model::gpuWatts);
                    out.add(figures("estimate/" + gpu, EnergyMethod.ESTIMATED,
                            "GPU power model on " + gpu + GPU_UTIL + ": " + model.basis(), watts, false, watts));
                }
            }
        }
        if (!cpuMeasured) {
            notes.add("CPU energy not estimated: no CPU load was sampled");
        }
        if (model.coversGpus() && !sawGpu) {
            notes.add("GPU energy not estimated: the power model covers GPUs but no GPU utilisation was sampled");
        }
        if (!memoryMeasured && model.memoryWatts() > 0) {
            out.add(constant("estimate/memory", model.memoryWatts(), "memory power model: " + model.basis()));
        }
        return out;
    }

    private static Set<String> gpuUtilisations(TelemetryTrace trace) {
        Set<String> out = new LinkedHashSet<>();
        for (Sample s : trace.samples()) {
            for (String key : s.values().keySet()) {
                if (key.startsWith("gpu") && key.endsWith(GPU_UTIL)) {
                    out.add(key.substring(0, key.length() - GPU_UTIL.length()));
                }
            }
        }
        return out;
    }

    /** Joules per phase from a series (counter difference or power integral), with mean and peak. */
    private DeviceEnergy figures(String id, EnergyMethod method, String basis, Series series, boolean cumulative, Series watts) {
        Map<String, Double> byPhase = new LinkedHashMap<>();
        double total = 0;
        long coveredNanos = 0;
        double peak = Double.NEGATIVE_INFINITY;
        for (PhaseWindow p : phases) {
            long covered = series.coveredNanos(p.startNanos(), p.endNanos());
            double joules = cumulative
                    ? series.deltaOver(p.startNanos(), p.endNanos())
                    : series.integralSeconds(p.startNanos(), p.endNanos());
            byPhase.merge(p.phase(), joules, Double::sum);
            if (covered < 0.99 * p.durationNanos()) {
                notes.add(String.format(Locale.ROOT, "%s: readings cover %.0f%% of phase %s; its figure is for that part only",
                        id, 100.0 * covered / Math.max(1, p.durationNanos()), p.phase()));
            }
            if (p.countsTowardTotal()) {
                total += joules;
                coveredNanos += covered;
                OptionalDouble max = watts.size() > 0 ? watts.maxOver(p.startNanos(), p.endNanos()) : OptionalDouble.empty();
                if (max.isPresent() && covered > 0) {
                    peak = Math.max(peak, max.getAsDouble());
                }
            }
        }
        OptionalDouble mean = coveredNanos > 0 ? OptionalDouble.of(total / (coveredNanos / 1e9)) : OptionalDouble.empty();
        OptionalDouble peakWatts = peak > Double.NEGATIVE_INFINITY ? OptionalDouble.of(peak) : OptionalDouble.empty();
        return new DeviceEnergy(id, partOf(id), EnergyScope.RUN, method, basis, byPhase, total, mean, peakWatts);
    }

    private DeviceEnergy constant(String id, double watts, String basis) {
        Map<String, Double> byPhase = new LinkedHashMap<>();
        double total = 0;
        long counted = 0;
        for (PhaseWindow p : phases) {
            double joules = watts * p.durationNanos() / 1e9;
            byPhase.merge(p.phase(), joules, Double::sum);
            if (p.countsTowardTotal()) {
                total += joules;
                counted += p.durationNanos();
            }
        }
        OptionalDouble w = counted > 0 ? OptionalDouble.of(watts) : OptionalDouble.empty();
        return new DeviceEnergy(id, partOf(id), EnergyScope.RUN, EnergyMethod.ESTIMATED, basis, byPhase, total, w, w);
    }

    private EnergyReport summarise(List<DeviceEnergy> devices, Map<String, Double> overhead, TokenCounts tokens, List<String> runList) {
        List<DeviceEnergy> run = devices.stream().filter(d -> d.scope() == EnergyScope.RUN).toList();
        boolean anyCounted = phases.stream().anyMatch(PhaseWindow::countsTowardTotal);
        OptionalDouble host = anyCounted
                ? OptionalDouble.of(devices.stream().mapToDouble(DeviceEnergy::totalJoules).sum())
                : OptionalDouble.empty();
        List<DeviceEnergy> ordered = new ArrayList<>(devices);
        ordered.sort(java.util.Comparator.comparing(DeviceEnergy::scope).thenComparing(DeviceEnergy::method));
        OptionalDouble none = OptionalDouble.empty();
        if (run.isEmpty()) {
            notes.add("no energy figure for the run's devices (" + String.join(", ", runList) + "): nothing measured or estimated them");
            return new EnergyReport(ordered, List.of(), none, null, none, none, none, runList, host, overhead, notes);
        }
        EnergyMethod method = run.stream().map(DeviceEnergy::method).reduce(EnergyMethod.MEASURED, EnergyMethod::weakest);
        Map<String, PhaseEnergy> byName = new LinkedHashMap<>();
        for (PhaseWindow p : phases) {
            double joules = run.stream().mapToDouble(d -> d.joulesByPhase().getOrDefault(p.phase(), 0.0)).sum();
            byName.merge(p.phase(), new PhaseEnergy(p.phase(), p.durationNanos(), joules, method, p.countsTowardTotal()),
                    (a, b) -> new PhaseEnergy(a.phase(), a.durationNanos() + b.durationNanos(), a.joules(), method,
                            a.countsTowardTotal()));
        }
        OptionalDouble total = anyCounted
                ? OptionalDouble.of(run.stream().mapToDouble(DeviceEnergy::totalJoules).sum())
                : OptionalDouble.empty();
        if (!anyCounted) {
            notes.add("no counted phase (only warm-up): no total");
        }
        OptionalDouble perIn = OptionalDouble.empty();
        OptionalDouble perOut = OptionalDouble.empty();
        OptionalDouble perToken = OptionalDouble.empty();
        if (tokens != null && total.isPresent()) {
            long all = tokens.inputTokens() + tokens.outputTokens();
            perToken = all > 0 ? OptionalDouble.of(total.getAsDouble() / all) : OptionalDouble.empty();
            PhaseEnergy prefill = byName.get("prefill");
            PhaseEnergy decode = byName.get("decode");
            if (prefill != null && decode != null) {
                perIn = tokens.inputTokens() > 0 ? OptionalDouble.of(prefill.joules() / tokens.inputTokens()) : perIn;
                perOut = tokens.outputTokens() > 0 ? OptionalDouble.of(decode.joules() / tokens.outputTokens()) : perOut;
            } else {
                notes.add("joules per input and per output token need prefill and decode phases; only joules per token is given");
            }
        }
        return new EnergyReport(ordered, List.copyOf(byName.values()), total, method, perIn, perOut, perToken, runList, host,
                overhead, notes);
    }
}
