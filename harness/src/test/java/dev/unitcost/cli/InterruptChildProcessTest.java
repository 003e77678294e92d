package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in a real process: {@code unitcost run} in a child JVM gets SIGINT mid-sweep, stores the
 * points it finished, says so, and exits 130. Skipped where this process was started with SIGINT
 * ignored (a background job of a non-interactive shell): the child would inherit that, as a
 * backgrounded unitcost would.
 */
class InterruptChildProcessTest {

    @TempDir
    Path dir;

    static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return true; // not Linux: no way to tell, and no kill -INT to send
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & 0x2) != 0;
            }
        }
        return true;
    }

    @Test
    void sigintMidRunStoresTheFinishedPointsAndExits130() throws Exception {
        assumeFalse(sigintIgnoredHere(), "SIGINT is ignored by this process, so it would be by the child");
        Path project = TestProject.create(dir.resolve("project"));
        // a slow sweep: 20 repetitions of at least 0.3 s per point, so the interrupt lands mid-sweep
        Files.writeString(project.resolve("profiles/workloads/slow.yaml"), """
                name: slow
                task: embedding
                description: a sweep long enough to interrupt
                sequenceLength: 32
                batchSizes: [1, 2]
                warmupIterations: 1
                repetitions: 20
                minRepetitionSeconds: 0.3
                minIterationsPerRepetition: 1
                corpus: bundled:default
                adaptive:
                  targetCi: 0
                  maxRepetitions: 20
                  maxPointSeconds: 60
                """);
        Path results = dir.resolve("results");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dunitcost.cache=" + TestModels.CACHE,
                "-Dai.djl.offline=true", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "dev.unitcost.cli.Main", "run",
                "--project-dir", project.toString(), "--results-dir", results.toString(), "--workload", "slow", "--hardware", "test-cpu",
                "--model", "all-minilm-l6-v2-q"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err, StandardCharsets.UTF_8).contains("repetition 2/") && System.nanoTime() < deadline
                    && child.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(child.isAlive(), "the run ended before it could be interrupted: " + Files.readString(err));
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "the child stores and exits after the interrupt");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(130, child.exitValue(), Files.readString(err));
        assertTrue(Files.readString(err).contains("unitcost: interrupted: finishing the batch in flight"), Files.readString(err));
        assertTrue(Files.readString(out).contains("interrupted: the report holds the points measured before the interrupt"),
                Files.readString(out));
        JsonResultStore store = new JsonResultStore(results);
        assertEquals(1, store.history().size(), "one report stored");
        RunReport report = store.load(store.history().get(0).runId());
        EmbeddingResult e = (EmbeddingResult) report.result();
        assertEquals("ok", e.points().get(0).status());
        assertTrue(e.points().get(0).repetitions().size() >= 2, "the finished repetitions are kept");
        assertEquals("interrupted", e.points().get(0).stoppedBecause());
        assertEquals("not run: interrupted", e.points().get(1).status());
        assertTrue(report.cost() != null, "what was measured is priced");
    }
}
