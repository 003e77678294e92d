package dev.unitcost.telemetry.rapl;

import dev.unitcost.telemetry.Availability;
import dev.unitcost.telemetry.PeriodicSamplingSession;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU package and DRAM energy from Linux powercap RAPL counters ({@code energy_uj}, µJ).
 *
 * <p>Series {@code package-N.energyJoules} and {@code package-N.dram.energyJoules}: cumulative
 * joules since the session started, wraparound undone (see {@link RaplReader}). The powercap root
 * is a constructor argument ({@code --powercap-root} on the command line) so that a copied or
 * fake tree can be read. Available only when at least one counted zone exists and every counted
 * zone's {@code energy_uj} can be read now; otherwise {@link #availability()} says which file
 * and why (missing tree, root-only since Linux 5.10, not a file).
 */
public final class RaplSampler implements TelemetrySampler {

    /** Where Linux exposes powercap zones. */
    public static final Path DEFAULT_ROOT = Path.of("/sys/class/powercap");

    private final Path root;
    private final SysfsReader reader;

    public RaplSampler() {
        this(DEFAULT_ROOT);
    }

    public RaplSampler(Path powercapRoot) {
        this(powercapRoot, SysfsReader.FILES);
    }

    /** With a file-reading seam, so tests can make a file unreadable even as root. */
    public RaplSampler(Path powercapRoot, SysfsReader reader) {
        this.root = powercapRoot;
        this.reader = reader;
    }

    @Override
    public String name() {
        return "rapl";
    }

    public Path root() {
        return root;
    }

    /** The counted zones, or an empty list when the tree is missing or cannot be listed. */
    public List<RaplZone> zones() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try {
            return RaplZones.find(root, reader);
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Availability availability() {
        if (!Files.isDirectory(root)) {
            return Availability.no("powercap not present at " + root);
        }
        List<RaplZone> zones;
        try {
            zones = RaplZones.find(root, reader);
        } catch (IOException e) {
            return Availability.no(RaplZones.whyUnreadable(root, e));
        }
        if (zones.isEmpty()) {
            return Availability.no("no RAPL package zones under " + root);
        }
        for (RaplZone zone : zones) {
            try {
                Long.parseLong(reader.read(zone.energyFile()));
            } catch (IOException e) {
                return Availability.no(RaplZones.whyUnreadable(zone.energyFile(), e));
            } catch (NumberFormatException e) {
                return Availability.no(zone.energyFile() + " does not hold a number");
            }
        }
        return Availability.yes();
    }

    /**
     * Starts sampling the counted zones.
     *
     * @throws IllegalStateException when RAPL is not available here (the reason is the message)
     */
    @Override
    public SamplingSession start(Duration interval) {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("RAPL cannot sample: " + a.reason());
        }
        return new PeriodicSamplingSession(name(), interval, new RaplReader(zones(), reader));
    }
}
