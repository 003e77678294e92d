package dev.unitcost.telemetry.rapl;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * One RAPL power zone under the powercap tree that we count: a package, or a package's DRAM
 * sub-zone (not included in the package's own figure).
 *
 * @param id the directory name ({@code intel-rapl:0}, {@code intel-rapl:0:2})
 * @param series the series prefix: the zone's {@code name} ({@code package-0}), or for a
 *     sub-zone its parent's name and its own ({@code package-0.dram})
 * @param dir the zone's directory
 * @param maxEnergyRangeMicrojoules where {@code energy_uj} wraps to 0; absent when unreadable
 *     (then a wrap cannot be undone and shows as a counter going down)
 */
public record RaplZone(String id, String series, Path dir, OptionalLong maxEnergyRangeMicrojoules) {

    public Path energyFile() {
        return dir.resolve("energy_uj");
    }
}
