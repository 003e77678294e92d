package dev.unitcost.run;

import dev.unitcost.result.Provenance;
import dev.unitcost.Versions;
import dev.unitcost.telemetry.HostInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads the machine, versions and git commit for a report's provenance. */
final class ProvenanceCapture {

    private ProvenanceCapture() {}

    static Provenance capture(String onnxRuntimeVersion, String modelSha256, String modelKind, Path projectRoot) {
        HostInfo host = HostInfo.detect();
        Versions v = Versions.current();
        String jvm = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
        return new Provenance(host.cpuModel(), host.physicalCores(), host.logicalProcessors(), host.memoryTotalBytes(), host.os(), jvm,
                v.unitcost(), onnxRuntimeVersion, v.djl(), modelSha256, modelKind, gitCommit(projectRoot), hostname(),
                host.gpus().stream().map(HostInfo.Gpu::name).toList());
    }

    static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    /** The checkout's commit (with "-dirty" when it has changes), or null when git or the checkout is absent. */
    static String gitCommit(Path root) {
        String given = System.getProperty("unitcost.gitCommit");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String head = git(root, "rev-parse", "HEAD");
        if (head == null) {
            return null;
        }
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return status != null && !status.isEmpty() ? head + "-dirty" : head;
    }

    private static String git(Path root, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
