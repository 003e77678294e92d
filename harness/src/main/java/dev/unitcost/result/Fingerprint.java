package dev.unitcost.result;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two runs comparable: the same model file, engine and runtime, machine, workload and
 * hardware profile. Runs with equal fingerprints are successive measurements of one thing, so a
 * change between them is a change in the software or the machine's state, not in the setup.
 *
 * @param modelSha256 SHA-256 of the ONNX file measured
 * @param engine engine name ({@code ort}, {@code djl})
 * @param runtimeVersion the engine's runtime as loaded; null when the report does not record it
 * @param cpuModel processor name as the OS reports it
 * @param logicalCpus hardware threads
 * @param gpuNames the host's GPUs by name, in device order (empty when it has none)
 * @param workload the workload's name
 * @param hardwareProfile the profile the run was priced on; null when it was not priced
 */
public record Fingerprint(String modelSha256, String engine, String runtimeVersion, String cpuModel, int logicalCpus,
        List<String> gpuNames, String workload, String hardwareProfile) {

    public Fingerprint {
        gpuNames = gpuNames == null ? List.of() : List.copyOf(gpuNames);
    }

    /** The fingerprint of a stored run, as its header and price sheet record it. */
    public static Fingerprint of(RunReport report) {
        RunHeader h = report.header();
        Provenance p = h.provenance();
        String engine = h.config() != null && h.config().engine() != null ? h.config().engine()
                : h.model() != null && h.model().session() != null ? h.model().session().engine() : null;
        String runtime = h.model() != null && h.model().session() != null ? h.model().session().runtimeVersion() : null;
        String workload = h.config() != null && h.config().workload() != null ? h.config().workload().name() : null;
        String hardware = report.cost() != null ? report.cost().hardware().name() : null;
        return new Fingerprint(p == null ? null : p.modelSha256(), engine, runtime, p == null ? null : p.cpuModel(),
                p == null ? 0 : p.logicalCores(), p == null ? List.of() : p.gpuNames(), workload, hardware);
    }

    /**
     * A stable key for equality in storage: the hex SHA-256 of every field, each written with its
     * length so that no two fingerprints share a key (an absent field differs from an empty one).
     */
    public String key() {
        StringBuilder s = new StringBuilder();
        for (String field : List.of(str(modelSha256), str(engine), str(runtimeVersion), str(cpuModel), str(Integer.toString(logicalCpus)),
                str(String.join("\u0001", gpuNames)), str(workload), str(hardwareProfile))) {
            s.append(field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The first twelve characters of {@link #key()}: enough to tell fingerprints apart in a listing. */
    public String shortKey() {
        return key().substring(0, 12);
    }

    private static String str(String value) {
        return value == null ? "-;" : value.length() + ":" + value + ";";
    }
}
