package dev.unitcost;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Node packages some tests run (under {@code src/test/node}, installed from their lock files by {@code .ci/run}):
 * a test that needs one is skipped, with the reason and the command that installs it, where Node or the package is
 * missing.
 */
public final class NodeChecks {

    /** Hugging Face's GGUF reader. */
    public static final Path GGUF_CHECK = Path.of("src/test/node/gguf-check");
    /** llama.cpp through node-llama-cpp's prebuilt Linux x64 CPU build, and {@code serve.mjs} over it. */
    public static final Path LLAMA_CPP_CHECK = Path.of("src/test/node/llama-cpp-check");

    private NodeChecks() {}

    /** Skips the test unless Node runs and {@code dir} has {@code module} installed. */
    public static void assumeInstalled(Path dir, String module, String install) {
        assumeTrue(runs("node", "--version"), "no node on the PATH: the test's Node check cannot run");
        assumeTrue(Files.isDirectory(dir.resolve("node_modules").resolve(module)),
                module + " is not installed: run `" + install + "` in harness/" + dir);
    }

    /** Skips the test unless llama.cpp can run (Node and node-llama-cpp's Linux x64 build). */
    public static void assumeLlamaCpp() {
        assumeInstalled(LLAMA_CPP_CHECK, "@node-llama-cpp/linux-x64", "npm ci --omit=optional");
    }

    /** Whether {@code command} runs and exits 0 within 30 s. */
    public static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
