package dev.unitcost.telemetry.nvml;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One sample of every GPU from an open {@link NvmlLibrary}, converted to SI units.
 *
 * <p>Series per GPU {@code i}, each with its source in {@link #sources()}:
 * <ul>
 *   <li>{@code gpuI.energyJoules}: the driver's energy counter (cumulative since it loaded; only
 *       differences mean anything), read as field {@code NVML_FI_DEV_TOTAL_ENERGY_CONSUMPTION}
 *       or, where the field is missing, {@code nvmlDeviceGetTotalEnergyConsumption}.
 *   <li>{@code gpuI.powerWatts}: instantaneous board power, field {@code NVML_FI_DEV_POWER_INSTANT}.
 *   <li>{@code gpuI.powerUsageWatts}: only where the instant field is missing, the fallback
 *       {@code nvmlDeviceGetPowerUsage}, a trailing ~1 s average on Ampere and newer that lags
 *       load changes (an H200 under-read a 6 s load by 8.5% when integrated).
 *   <li>{@code gpuI.utilizationFraction} (0..1), at most every {@link #UTILIZATION_EVERY_NANOS};
 *       {@code gpuI.memoryUsedBytes}, {@code gpuI.smClockHz}, {@code gpuI.temperatureCelsius},
 *       at most every {@link #SLOW_EVERY_NANOS}.
 * </ul>
 * What a GPU does not report is absent. Which calls serve each GPU is probed once, when the
 * reader is made; every sample then costs one {@code nvmlDeviceGetFieldValues} per GPU for
 * energy and power (two calls where the driver lacks the fields), plus the slower series on
 * their own cadence: about 1.5 NVML calls per GPU and sample at 10 Hz, against 6 before.
 * Used only on the sampling thread.
 */
final class NvmlReader implements Supplier<Map<String, Double>> {

    /** NVML's utilisation is itself an average over 1/6 s to 1 s: reading it faster repeats it. */
    static final long UTILIZATION_EVERY_NANOS = 500_000_000L;
    /** Memory, SM clock and temperature change slowly and are only context in reports. */
    static final long SLOW_EVERY_NANOS = 1_000_000_000L;

    static final String ENERGY_FIELD_SOURCE = "NVML energy counter (field NVML_FI_DEV_TOTAL_ENERGY_CONSUMPTION, mJ)";
    static final String ENERGY_CALL_SOURCE = "NVML energy counter (nvmlDeviceGetTotalEnergyConsumption, mJ)";
    static final String INSTANT_SOURCE = "NVML instantaneous power (field NVML_FI_DEV_POWER_INSTANT)";
    static final String POWER_USAGE_SOURCE = "fallback: nvmlDeviceGetPowerUsage, a ~1 s trailing average on Ampere"
            + " and newer that lags load changes (this GPU or driver has no NVML_FI_DEV_POWER_INSTANT)";

    private final NvmlLibrary nvml;
    private final LongSupplier clock;
    private final Gpu[] gpus;
    private final Map<String, String> sources;
    private boolean first = true;
    private long lastUtilizationNanos;
    private long lastSlowNanos;

    /** What one GPU answers, probed once, and its series names, built once. */
    private static final class Gpu {
        final int index;
        final int[] fields;
        final double[] values;
        final int energyField;
        final int powerField;
        final boolean energyCall;
        final boolean powerUsageCall;
        final String energy;
        final String power;
        final String powerUsage;
        final String utilization;
        final String memoryUsed;
        final String smClock;
        final String temperature;

        Gpu(int index, boolean energyField, boolean powerField, boolean energyCall, boolean powerUsageCall) {
            this.index = index;
            int n = 0;
            this.energyField = energyField ? n++ : -1;
            this.powerField = powerField ? n++ : -1;
            this.fields = new int[n];
            if (energyField) {
                fields[this.energyField] = NvmlLibrary.FIELD_TOTAL_ENERGY_CONSUMPTION;
            }
            if (powerField) {
                fields[this.powerField] = NvmlLibrary.FIELD_POWER_INSTANT;
            }
            this.values = new double[n];
            this.energyCall = energyCall;
            this.powerUsageCall = powerUsageCall;
            String p = "gpu" + index + ".";
            energy = p + "energyJoules";
            power = p + "powerWatts";
            powerUsage = p + "powerUsageWatts";
            utilization = p + "utilizationFraction";
            memoryUsed = p + "memoryUsedBytes";
            smClock = p + "smClockHz";
            temperature = p + "temperatureCelsius";
        }
    }

    NvmlReader(NvmlLibrary nvml) {
        this(nvml, System::nanoTime);
    }

    /** With a clock for the slower series' cadence (a fake one in tests). */
    NvmlReader(NvmlLibrary nvml, LongSupplier clock) {
        this.nvml = nvml;
        this.clock = clock;
        this.gpus = new Gpu[nvml.deviceCount()];
        Map<String, String> src = new LinkedHashMap<>();
        int[] probe = {NvmlLibrary.FIELD_TOTAL_ENERGY_CONSUMPTION, NvmlLibrary.FIELD_POWER_INSTANT};
        for (int i = 0; i < gpus.length; i++) {
            long ok = nvml.fieldValues(i, probe, new double[probe.length]);
            boolean energyField = (ok & 1) != 0;
            boolean powerField = (ok & 2) != 0;
            boolean energyCall = !energyField && nvml.totalEnergyMillijoules(i).isPresent();
            boolean powerUsageCall = !powerField && nvml.powerMilliwatts(i).isPresent();
            Gpu g = new Gpu(i, energyField, powerField, energyCall, powerUsageCall);
            gpus[i] = g;
            if (energyField || energyCall) {
                src.put(g.energy, energyField ? ENERGY_FIELD_SOURCE : ENERGY_CALL_SOURCE);
            }
            if (powerField) {
                src.put(g.power, INSTANT_SOURCE);
            } else if (powerUsageCall) {
                src.put(g.powerUsage, POWER_USAGE_SOURCE);
            }
        }
        this.sources = Collections.unmodifiableMap(src);
    }

    /** Series name to where its values come from, for the energy and power series. */
    Map<String, String> sources() {
        return sources;
    }

    @Override
    public Map<String, Double> get() {
        long now = clock.getAsLong();
        boolean utilization = first || now - lastUtilizationNanos >= UTILIZATION_EVERY_NANOS;
        boolean slow = first || now - lastSlowNanos >= SLOW_EVERY_NANOS;
        first = false;
        if (utilization) {
            lastUtilizationNanos = now;
        }
        if (slow) {
            lastSlowNanos = now;
        }
        Map<String, Double> v = new HashMap<>(8 * gpus.length);
        for (Gpu g : gpus) {
            readPower(g, v);
            if (utilization) {
                nvml.utilizationPercent(g.index).ifPresent(pct -> v.put(g.utilization, pct / 100.0));
            }
            if (slow) {
                nvml.memoryUsedBytes(g.index).ifPresent(b -> v.put(g.memoryUsed, (double) b));
                nvml.smClockMhz(g.index).ifPresent(mhz -> v.put(g.smClock, mhz * 1e6));
                nvml.temperatureCelsius(g.index).ifPresent(c -> v.put(g.temperature, (double) c));
            }
        }
        return v;
    }

    private void readPower(Gpu g, Map<String, Double> v) {
        if (g.fields.length > 0) {
            long ok = nvml.fieldValues(g.index, g.fields, g.values);
            if (g.energyField >= 0 && (ok & (1L << g.energyField)) != 0) {
                v.put(g.energy, g.values[g.energyField] / 1e3);
            }
            if (g.powerField >= 0 && (ok & (1L << g.powerField)) != 0) {
                v.put(g.power, g.values[g.powerField] / 1e3);
            }
        }
        if (g.energyCall) {
            nvml.totalEnergyMillijoules(g.index).ifPresent(mj -> v.put(g.energy, mj / 1e3));
        }
        if (g.powerUsageCall) {
            nvml.powerMilliwatts(g.index).ifPresent(mw -> v.put(g.powerUsage, mw / 1e3));
        }
    }
}
