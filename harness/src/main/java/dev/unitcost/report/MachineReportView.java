package dev.unitcost.report;

import dev.unitcost.result.MachineReport;
import dev.unitcost.telemetry.HostInfo;
import dev.unitcost.telemetry.PowerModel;
import dev.unitcost.telemetry.ort.ExecutionProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code doctor} found, as titled sections of label/value rows; the console and Markdown
 * formats lay them out. Figures are the report's own, only formatted.
 */
final class MachineReportView {

    /** One fact: a short label and its value in words. */
    record Row(String label, String value) {}

    /** A titled group of facts. */
    record Section(String title, List<Row> rows) {

        Section {
            rows = List.copyOf(rows);
        }
    }

    private final MachineReport r;

    MachineReportView(MachineReport report) {
        this.r = report;
    }

    /** The findings as a document: one titled group of label and value rows each. */
    Document document() {
        Document d = new Document().title("Machine report");
        for (Section section : sections()) {
            d.heading(section.title()).rows(section.rows().stream().map(r -> new Document.Row(r.label(), r.value())).toList());
        }
        return d;
    }

    List<Section> sections() {
        List<Section> s = new ArrayList<>(List.of(machine(), samplers(), energy(), providers(), profiles()));
        if (r.crossCheck() != null) {
            s.add(crossCheck(r.crossCheck()));
        }
        return s;
    }

    private Section machine() {
        HostInfo h = r.host();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("CPU", h.cpuModel() + " (" + h.physicalCores() + " cores, " + h.logicalProcessors() + " threads)"));
        rows.add(new Row("memory", gib(h.memoryTotalBytes())));
        rows.add(new Row("OS", h.os()));
        if (h.gpus().isEmpty() && r.nvmlGpus().isEmpty()) {
            rows.add(new Row("GPUs", "none found"));
        }
        for (HostInfo.Gpu g : h.gpus()) {
            rows.add(new Row("GPU (OSHI)", g.name() + (g.vramBytes() == null ? "" : ", " + gib(g.vramBytes()))));
        }
        for (int i = 0; i < r.nvmlGpus().size(); i++) {
            rows.add(new Row("GPU " + i + " (NVML)", r.nvmlGpus().get(i)));
        }
        return new Section("Machine", rows);
    }

    private Section samplers() {
        List<Row> rows = new ArrayList<>();
        for (MachineReport.SamplerStatus s : r.samplers()) {
            rows.add(new Row(s.name(), s.available() ? "available" : "unavailable: " + s.reason()));
        }
        if (!r.raplZones().isEmpty()) {
            rows.add(new Row("RAPL zones", String.join(", ", r.raplZones())));
        }
        return new Section("Telemetry samplers", rows);
    }

    private Section energy() {
        PowerModel m = r.powerModel();
        return new Section("Energy", List.of(new Row("method", r.energyMethod()), new Row("how", r.energyDetail()),
                new Row("memory bandwidth", r.memoryBandwidth() == null
                        ? "not measured yet (the first CPU generation run measures it, or doctor --measure-bandwidth)"
                        : String.format(Locale.ROOT, "%.1f GB/s peak for MBU: %s", r.memoryBandwidth().bytesPerSecond() / 1e9,
                                r.memoryBandwidth().source())),
                new Row("power model", String.format(Locale.ROOT, "CPU %.1f-%.1f W, memory %.2f W", m.cpuIdleWatts(), m.cpuMaxWatts(),
                        m.memoryWatts())),
                new Row("basis", m.basis())));
    }

    private Section providers() {
        List<Row> rows = new ArrayList<>();
        for (ExecutionProviders.Status p : r.executionProviders()) {
            rows.add(new Row(p.name(), (p.usable() ? "usable: " : "not usable: ") + p.detail()));
        }
        return new Section("ONNX Runtime execution providers", rows);
    }

    private Section profiles() {
        MachineReport.Profiles p = r.profiles();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("directory", p.directory() + " (" + p.found().size() + " read)"));
        rows.add(new Row("best match", p.match() == null ? "none: " + p.why() : p.match() + " (" + p.matchFile() + "): " + p.why()));
        for (String bad : p.unreadable()) {
            rows.add(new Row("unreadable", bad));
        }
        return new Section("Hardware profile", rows);
    }

    private static Section crossCheck(MachineReport.CrossCheck c) {
        String title = String.format(Locale.ROOT, "CPU cross-check (%d threads busy for %.1f s, %d samples at %.0f ms)",
                c.busyThreads(), c.busySeconds(), c.samples(), c.intervalMillis());
        return new Section(title, List.of(
                new Row("process CPU", String.format(Locale.ROOT, "OSHI %.3f s, JVM %.3f s: %+.2f%%",
                        c.oshiProcessCpuSeconds(), c.jvmProcessCpuSeconds(), 100 * c.oshiVsJvmRelativeDifference())),
                new Row("per-core load", String.format(Locale.ROOT, "%.3f CPU-s busy on all cores = %.2f x our process CPU",
                        c.coreBusyCpuSeconds(), c.coreBusyOverProcessCpu())),
                new Row("sampler", String.format(Locale.ROOT, "%.1f ms CPU = %.3f%% of one core",
                        c.samplerCpuMillis(), 100 * c.samplerCpuFractionOfOneCore())),
                new Row("trust", "both read the kernel's process accounting; if they disagree, the JVM's"
                        + " (read in-process, no parsing, no cache)")));
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
