package dev.unitcost.telemetry.rapl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads every zone's {@code energy_uj} and turns it into joules since the first reading,
 * undoing wraparound: when a reading is below the previous one the counter passed
 * {@code max_energy_range_uj}, so the range is added. Two wraps between readings cannot be
 * seen; at the default 100 ms interval that would take well over 10 kW.
 *
 * <p>Series: {@code <zone>.energyJoules}. A zone that fails to read in one sample is absent
 * from that sample; {@link #lastError()} says why. Used only on the sampling thread.
 */
final class RaplReader implements Supplier<Map<String, Double>> {

    private final List<RaplZone> zones;
    private final SysfsReader reader;
    private final long[] lastRaw;
    private final long[] totalMicrojoules;
    private final boolean[] seen;
    private volatile String lastError;

    RaplReader(List<RaplZone> zones, SysfsReader reader) {
        this.zones = List.copyOf(zones);
        this.reader = reader;
        this.lastRaw = new long[zones.size()];
        this.totalMicrojoules = new long[zones.size()];
        this.seen = new boolean[zones.size()];
    }

    @Override
    public Map<String, Double> get() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < zones.size(); i++) {
            RaplZone zone = zones.get(i);
            long raw;
            try {
                raw = Long.parseLong(reader.read(zone.energyFile()));
            } catch (IOException e) {
                lastError = RaplZones.whyUnreadable(zone.energyFile(), e);
                continue;
            } catch (NumberFormatException e) {
                lastError = zone.energyFile() + ": not a number (" + e.getMessage() + ")";
                continue;
            }
            if (seen[i]) {
                long delta = raw - lastRaw[i];
                if (delta < 0 && zone.maxEnergyRangeMicrojoules().isPresent()) {
                    delta += zone.maxEnergyRangeMicrojoules().getAsLong();
                }
                // Without a known range a drop stays a drop: the energy account then refuses the counter.
                totalMicrojoules[i] += delta;
            }
            lastRaw[i] = raw;
            seen[i] = true;
            values.put(zone.series() + ".energyJoules", totalMicrojoules[i] / 1e6);
        }
        return values;
    }

    /** The last read failure in words, or null when every read so far worked. */
    String lastError() {
        return lastError;
    }
}
