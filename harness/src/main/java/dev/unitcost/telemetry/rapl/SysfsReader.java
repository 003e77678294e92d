package dev.unitcost.telemetry.rapl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one small sysfs file as trimmed text. A seam so tests can make a file unreadable even
 * when they run as root (root reads mode-000 files, so chmod cannot test the permission path).
 */
@FunctionalInterface
public interface SysfsReader {

    /** Plain file reads; a root-only {@code energy_uj} throws {@link java.nio.file.AccessDeniedException}. */
    SysfsReader FILES = file -> Files.readString(file).trim();

    String read(Path file) throws IOException;
}
