package dev.unitcost.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's files live: {@code models/}, {@code profiles/*}, {@code results/}, and the
 * cache for extracted models. The root is {@code -Dunitcost.home} (set by the launcher), else the
 * working directory.
 */
public record ProjectLayout(Path root, Path cacheDir) {

    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
        cacheDir = cacheDir.toAbsolutePath().normalize();
    }

    /** The layout for this process: system properties, then environment, then defaults. */
    public static ProjectLayout detect() {
        String home = System.getProperty("unitcost.home", System.getenv("UNITCOST_HOME"));
        Path root = home != null && !home.isBlank() ? Path.of(home) : Path.of("");
        String cache = System.getProperty("unitcost.cache", System.getenv("UNITCOST_CACHE"));
        Path cacheDir = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "unitcost");
        return new ProjectLayout(root, cacheDir);
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path workloads() {
        return root.resolve("profiles").resolve("workloads");
    }

    public Path hardware() {
        return root.resolve("profiles").resolve("hardware");
    }

    public Path devices() {
        return root.resolve("profiles").resolve("devices");
    }

    public Path ratecards() {
        return root.resolve("profiles").resolve("ratecards");
    }

    public Path results() {
        return root.resolve("results");
    }

    /** True when the root looks like a unitcost checkout (has profiles/). */
    public boolean looksValid() {
        return Files.isDirectory(root.resolve("profiles"));
    }
}
