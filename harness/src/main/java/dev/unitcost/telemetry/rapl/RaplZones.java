package dev.unitcost.telemetry.rapl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the RAPL zones in a powercap tree ({@code /sys/class/powercap} by default).
 *
 * <p>Counted: top-level zones whose {@code name} starts with {@code package}, and sub-zones named
 * {@code dram}. Skipped, to avoid counting energy twice: {@code core}/{@code uncore} (inside the
 * package figure), {@code psys} (the whole platform), and {@code intel-rapl-mmio} (a second view
 * of the same package).
 */
final class RaplZones {

    private static final Pattern ZONE = Pattern.compile("[a-z]+-rapl:(\\d+)(?::(\\d+))?");

    private RaplZones() {}

    /** The counted zones, parents before their sub-zones; throws if the tree cannot be listed. */
    static List<RaplZone> find(Path root, SysfsReader reader) throws IOException {
        Map<String, Path> dirs = new TreeMap<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.forEach(p -> {
                if (ZONE.matcher(p.getFileName().toString()).matches()) {
                    dirs.put(p.getFileName().toString(), p);
                }
            });
        }
        List<RaplZone> zones = new ArrayList<>();
        for (var e : dirs.entrySet()) {
            Matcher m = ZONE.matcher(e.getKey());
            m.matches();
            String name = readName(reader, e.getValue());
            if (m.group(2) == null) {
                if (name.startsWith("package")) {
                    zones.add(new RaplZone(e.getKey(), name, e.getValue(), range(reader, e.getValue())));
                }
            } else if (name.equals("dram")) {
                String parentId = e.getKey().substring(0, e.getKey().lastIndexOf(':'));
                Path parent = dirs.get(parentId);
                String parentName = parent == null ? parentId : readName(reader, parent);
                zones.add(new RaplZone(e.getKey(), parentName + ".dram", e.getValue(), range(reader, e.getValue())));
            }
        }
        zones.sort(java.util.Comparator.comparing(RaplZone::series));
        return zones;
    }

    private static String readName(SysfsReader reader, Path dir) {
        try {
            return reader.read(dir.resolve("name"));
        } catch (IOException e) {
            return dir.getFileName().toString(); // a zone without a readable name is still a zone
        }
    }

    private static OptionalLong range(SysfsReader reader, Path dir) {
        try {
            return OptionalLong.of(Long.parseLong(reader.read(dir.resolve("max_energy_range_uj"))));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Why {@code file} cannot be read, in words a user can act on. */
    static String whyUnreadable(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return file + " is readable only by root (Linux 5.10+ restricts energy_uj);"
                    + " run as root or grant read access (e.g. chmod o+r, or a udev rule)";
        }
        return "cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
