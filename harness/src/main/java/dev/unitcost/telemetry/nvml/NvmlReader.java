package dev.unitcost.telemetry.nvml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One sample of every GPU from an open {@link NvmlLibrary}, converted to SI units.
 *
 * <p>Series per GPU {@code i}: {@code gpuI.powerWatts}, {@code gpuI.energyJoules} (cumulative
 * since the driver loaded; only differences mean anything), {@code gpuI.utilizationFraction}
 * (0..1), {@code gpuI.memoryUsedBytes}, {@code gpuI.smClockHz}, {@code gpuI.temperatureCelsius}.
 * What a GPU does not report is absent.
 */
final class NvmlReader implements Supplier<Map<String, Double>> {

    private final NvmlLibrary nvml;
    private final int gpus;

    NvmlReader(NvmlLibrary nvml) {
        this.nvml = nvml;
        this.gpus = nvml.deviceCount();
    }

    @Override
    public Map<String, Double> get() {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < gpus; i++) {
            String p = "gpu" + i + ".";
            nvml.totalEnergyMillijoules(i).ifPresent(mj -> v.put(p + "energyJoules", mj / 1e3));
            nvml.powerMilliwatts(i).ifPresent(mw -> v.put(p + "powerWatts", mw / 1e3));
            nvml.utilizationPercent(i).ifPresent(pct -> v.put(p + "utilizationFraction", pct / 100.0));
            nvml.memoryUsedBytes(i).ifPresent(b -> v.put(p + "memoryUsedBytes", (double) b));
            nvml.smClockMhz(i).ifPresent(mhz -> v.put(p + "smClockHz", mhz * 1e6));
            nvml.temperatureCelsius(i).ifPresent(c -> v.put(p + "temperatureCelsius", (double) c));
        }
        return v;
    }
}
