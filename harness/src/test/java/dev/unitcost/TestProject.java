package dev.unitcost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A unitcost project directory in a temp dir: the repository's real models/ manifests plus the
 * test fixtures under src/test/resources/fixtures/profiles. The fixture CPU profiles describe this
 * machine: {@code ${THREADS}} in them becomes its logical CPU count, so a run here matches them on
 * any machine the suite runs on.
 */
public final class TestProject {

    private TestProject() {}

    public static Path create(Path dir) {
        try {
            copyTree(TestModels.ROOT.resolve("models"), dir.resolve("models"));
            Path fixtures = Path.of(TestProject.class.getResource("/fixtures/profiles").toURI());
            copyTree(fixtures, dir.resolve("profiles"));
            try (Stream<Path> files = Files.walk(dir.resolve("profiles/hardware"))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Files.writeString(f, Files.readString(f).replace("${THREADS}", Integer.toString(threads())));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int threads;

    /** This machine's logical CPUs, as the run planner reads them. */
    public static synchronized int threads() {
        if (threads == 0) {
            threads = dev.unitcost.telemetry.HostInfo.detect().logicalProcessors();
        }
        return threads;
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Number of files under {@code dir} (0 when it does not exist). */
    public static long fileCount(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
