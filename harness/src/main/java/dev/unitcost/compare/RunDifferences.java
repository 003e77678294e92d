package dev.unitcost.compare;

import dev.unitcost.result.Provenance;
import dev.unitcost.result.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How two runs differ in what they measured with: a pure function of their headers (provenance,
 * echoed configuration, model facts).
 *
 * <p>Material differences make the runs unlike: a change in the figures could come from them rather
 * than from the build under test, so {@code compare} refuses the pair unless told to compare anyway,
 * and then lists them. They are the runtime version, CPU model, logical CPUs, GPUs, device and
 * execution provider, intra-op threads, spinning, optimisation level, engine, model (name, file
 * SHA-256, kind, quantisation), task, workload name and hardware profile. The unitcost version and
 * commit are what a gate compares, and the host name, OS, JVM and memory are listed as notes only.
 */
public final class RunDifferences {

    private RunDifferences() {}

    /**
     * One thing that differs.
     *
     * @param what the field, in words
     * @param material whether it makes the runs unlike
     */
    public record Difference(String what, String baseline, String candidate, boolean material) {

        /** {@code runtime 1.23.2 → 1.29.0}. */
        @Override
        public String toString() {
            return what + " " + baseline + " → " + candidate;
        }
    }

    /** Every field that differs, material ones first, each once. */
    public static List<Difference> between(RunReport baseline, RunReport candidate) {
        Provenance b = baseline.header().provenance();
        Provenance c = candidate.header().provenance();
        HeaderFields bh = new HeaderFields(baseline);
        HeaderFields ch = new HeaderFields(candidate);
        List<Difference> out = new ArrayList<>();
        add(out, true, "engine", baseline.header().config().engine(), candidate.header().config().engine());
        add(out, true, "runtime", runtime(baseline, bh), runtime(candidate, ch));
        add(out, true, "CPU", b.cpuModel(), c.cpuModel());
        add(out, true, "logical CPUs", b.logicalCores(), c.logicalCores());
        add(out, true, "GPUs", b.gpuNames(), c.gpuNames());
        for (String[] f : new String[][] {
            {"device", "/model/session/device"},
            {"execution provider", "/model/session/executionProvider"},
            {"intra-op threads", "/config/engineOptions/intraOpThreads"},
            {"spinning", "/config/engineOptions/allowSpinning"},
            {"optimisation level", "/config/engineOptions/optimizationLevel"},
            {"model", "/model/name"},
            {"model kind", "/model/kind"},
            {"quantisation", "/model/quantization"},
            {"workload", "/config/workload/name"},
            {"hardware profile", "/config/hardwareProfile"}}) {
            add(out, true, f[0], bh.text(f[1]), ch.text(f[1]));
        }
        add(out, true, "model sha256", b.modelSha256(), c.modelSha256());
        add(out, true, "task", baseline.result().kind(), candidate.result().kind());
        add(out, false, "host", b.hostname(), c.hostname());
        add(out, false, "OS", b.os(), c.os());
        add(out, false, "JVM", b.jvm(), c.jvm());
        add(out, false, "memory bytes", b.memoryBytes(), c.memoryBytes());
        return List.copyOf(out);
    }

    /** The material differences only. */
    public static List<Difference> material(RunReport baseline, RunReport candidate) {
        return between(baseline, candidate).stream().filter(Difference::material).toList();
    }

    /** The version of the native runtime the session loaded; the provenance's for the engine when the session did not say. */
    private static String runtime(RunReport r, HeaderFields h) {
        String loaded = h.text("/model/session/runtimeVersion");
        if (!loaded.equals("none")) {
            return loaded;
        }
        Provenance p = r.header().provenance();
        return "djl".equals(r.header().config().engine()) ? p.djlVersion() : p.onnxRuntimeVersion();
    }

    private static void add(List<Difference> out, boolean material, String what, Object baseline, Object candidate) {
        if (!Objects.equals(baseline, candidate)) {
            out.add(new Difference(what, String.valueOf(baseline), String.valueOf(candidate), material));
        }
    }
}
