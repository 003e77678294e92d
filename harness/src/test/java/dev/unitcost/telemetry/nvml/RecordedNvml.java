package dev.unitcost.telemetry.nvml;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link NvmlLibrary} that replays recorded readings: frame {@code f} holds one reading per
 * GPU; {@link #frame(int)} chooses the frame the next queries answer from. Counts opens/closes
 * and every query by name ({@link #calls}), so tests can check which NVML calls a sample makes.
 *
 * <p>With {@code fields} true, {@code nvmlDeviceGetFieldValues} answers the energy field from
 * {@link Reading#millijoules()} and the instant-power field from {@link Reading#instantMilliwatts()};
 * without, it is missing (an old driver) and answers nothing.
 */
final class RecordedNvml implements NvmlLibrary {

    /** One GPU's answers in NVML units; null = not supported. */
    record Reading(Long milliwatts, Long millijoules, Integer utilPercent, Long memoryUsedBytes, Integer smMhz,
            Integer celsius, Long instantMilliwatts) {

        /** A GPU without the instant-power field. */
        Reading(Long milliwatts, Long millijoules, Integer utilPercent, Long memoryUsedBytes, Integer smMhz, Integer celsius) {
            this(milliwatts, millijoules, utilPercent, memoryUsedBytes, smMhz, celsius, null);
        }
    }

    private final List<String> names;
    private final List<List<Reading>> frames;
    private final boolean fields;
    private volatile int frame;
    final Map<String, Integer> calls = new ConcurrentHashMap<>();
    int closes;

    RecordedNvml(List<String> names, List<List<Reading>> frames) {
        this(names, frames, false);
    }

    RecordedNvml(List<String> names, List<List<Reading>> frames, boolean fields) {
        this.names = names;
        this.frames = frames;
        this.fields = fields;
    }

    void frame(int f) {
        frame = f;
    }

    int calls(String name) {
        return calls.getOrDefault(name, 0);
    }

    private Reading r(int gpu, String call) {
        calls.merge(call, 1, Integer::sum);
        return frames.get(Math.min(frame, frames.size() - 1)).get(gpu);
    }

    private static OptionalLong l(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static OptionalInt i(Integer v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    @Override public int deviceCount() { return names.size(); }
    @Override public String name(int gpu) { return names.get(gpu); }
    @Override public OptionalLong powerMilliwatts(int gpu) { return l(r(gpu, "powerUsage").milliwatts()); }
    @Override public OptionalLong totalEnergyMillijoules(int gpu) { return l(r(gpu, "totalEnergy").millijoules()); }
    @Override public OptionalInt utilizationPercent(int gpu) { return i(r(gpu, "utilization").utilPercent()); }
    @Override public OptionalLong memoryUsedBytes(int gpu) { return l(r(gpu, "memoryInfo").memoryUsedBytes()); }
    @Override public OptionalInt smClockMhz(int gpu) { return i(r(gpu, "clockInfo").smMhz()); }
    @Override public OptionalInt temperatureCelsius(int gpu) { return i(r(gpu, "temperature").celsius()); }

    @Override
    public long fieldValues(int gpu, int[] fieldIds, double[] values) {
        Reading r = r(gpu, "fieldValues");
        if (!fields) {
            return 0;
        }
        long ok = 0;
        for (int k = 0; k < fieldIds.length; k++) {
            Long v = switch (fieldIds[k]) {
                case FIELD_TOTAL_ENERGY_CONSUMPTION -> r.millijoules();
                case FIELD_POWER_INSTANT -> r.instantMilliwatts();
                default -> null;
            };
            if (v != null) {
                values[k] = v;
                ok |= 1L << k;
            }
        }
        return ok;
    }

    @Override
    public synchronized void close() {
        closes++;
    }
}
