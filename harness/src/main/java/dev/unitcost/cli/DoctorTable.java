package dev.unitcost.cli;

import dev.unitcost.telemetry.HostInfo;
import dev.unitcost.telemetry.PowerModel;
import dev.unitcost.telemetry.ort.ExecutionProviders;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders a {@link DoctorReport} as aligned text for a terminal. */
final class DoctorTable {

    private DoctorTable() {}

    static void print(DoctorReport r, PrintWriter out) {
        HostInfo h = r.host();
        out.println("Machine");
        row(out, "CPU", h.cpuModel() + " (" + h.physicalCores() + " cores, " + h.logicalProcessors() + " threads)");
        row(out, "memory", String.format(Locale.ROOT, "%.1f GiB", h.memoryTotalBytes() / (double) (1L << 30)));
        row(out, "OS", h.os());
        if (h.gpus().isEmpty() && r.nvmlGpus().isEmpty()) {
            row(out, "GPUs", "none found");
        }
        for (HostInfo.Gpu g : h.gpus()) {
            row(out, "GPU (OSHI)", g.name() + (g.vramBytes() == null ? "" : String.format(Locale.ROOT, ", %.1f GiB", g.vramBytes() / (double) (1L << 30))));
        }
        for (int i = 0; i < r.nvmlGpus().size(); i++) {
            row(out, "GPU " + i + " (NVML)", r.nvmlGpus().get(i));
        }
        out.println();
        out.println("Telemetry samplers");
        for (DoctorReport.SamplerStatus s : r.samplers()) {
            row(out, s.name(), s.available() ? "available" : "unavailable: " + s.reason());
        }
        if (!r.raplZones().isEmpty()) {
            row(out, "RAPL zones", String.join(", ", r.raplZones()));
        }
        out.println();
        out.println("Energy");
        row(out, "method", r.energyMethod());
        row(out, "how", r.energyDetail());
        PowerModel m = r.powerModel();
        row(out, "power model", String.format(Locale.ROOT, "CPU %.1f-%.1f W, memory %.2f W", m.cpuIdleWatts(), m.cpuMaxWatts(), m.memoryWatts()));
        row(out, "basis", m.basis());
        out.println();
        out.println("ONNX Runtime execution providers");
        for (ExecutionProviders.Status p : r.executionProviders()) {
            row(out, p.name(), (p.usable() ? "usable: " : "not usable: ") + p.detail());
        }
        out.println();
        out.println("Hardware profile");
        DoctorReport.Profiles p = r.profiles();
        row(out, "directory", p.directory() + " (" + p.found().size() + " read)");
        row(out, "best match", p.match() == null ? "none: " + p.why() : p.match() + " (" + p.matchFile() + "): " + p.why());
        for (String bad : p.unreadable()) {
            row(out, "unreadable", bad);
        }
        if (r.crossCheck() != null) {
            crossCheck(r.crossCheck(), out);
        }
    }

    private static void crossCheck(DoctorReport.CrossCheck c, PrintWriter out) {
        out.println();
        out.println(String.format(Locale.ROOT, "CPU cross-check (%d threads busy for %.1f s, %d samples at %.0f ms)",
                c.busyThreads(), c.busySeconds(), c.samples(), c.intervalMillis()));
        row(out, "process CPU", String.format(Locale.ROOT, "OSHI %.3f s, JVM %.3f s: %+.2f%%",
                c.oshiProcessCpuSeconds(), c.jvmProcessCpuSeconds(), 100 * c.oshiVsJvmRelativeDifference()));
        row(out, "per-core load", String.format(Locale.ROOT, "%.3f CPU-s busy on all cores = %.2f x our process CPU",
                c.coreBusyCpuSeconds(), c.coreBusyOverProcessCpu()));
        row(out, "sampler", String.format(Locale.ROOT, "%.1f ms CPU = %.3f%% of one core",
                c.samplerCpuMillis(), 100 * c.samplerCpuFractionOfOneCore()));
        row(out, "trust", "both read the kernel's process accounting; if they disagree, the JVM's"
                + " (read in-process, no parsing, no cache)");
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-16s %s", label, value));
    }
}
