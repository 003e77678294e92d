package dev.unitcost.telemetry.nvml;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An {@link NvmlLibrary} that replays recorded readings: frame {@code f} holds one reading per
 * GPU; {@link #frame(int)} chooses the frame the next queries answer from. Counts opens/closes.
 */
final class RecordedNvml implements NvmlLibrary {

    /** One GPU's answers in NVML units; null = not supported. */
    record Reading(Long milliwatts, Long millijoules, Integer utilPercent, Long memoryUsedBytes, Integer smMhz, Integer celsius) {}

    private final List<String> names;
    private final List<List<Reading>> frames;
    private volatile int frame;
    int closes;

    RecordedNvml(List<String> names, List<List<Reading>> frames) {
        this.names = names;
        this.frames = frames;
    }

    void frame(int f) {
        frame = f;
    }

    private Reading r(int gpu) {
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
    @Override public OptionalLong powerMilliwatts(int gpu) { return l(r(gpu).milliwatts()); }
    @Override public OptionalLong totalEnergyMillijoules(int gpu) { return l(r(gpu).millijoules()); }
    @Override public OptionalInt utilizationPercent(int gpu) { return i(r(gpu).utilPercent()); }
    @Override public OptionalLong memoryUsedBytes(int gpu) { return l(r(gpu).memoryUsedBytes()); }
    @Override public OptionalInt smClockMhz(int gpu) { return i(r(gpu).smMhz()); }
    @Override public OptionalInt temperatureCelsius(int gpu) { return i(r(gpu).celsius()); }

    @Override
    public synchronized void close() {
        closes++;
    }
}
