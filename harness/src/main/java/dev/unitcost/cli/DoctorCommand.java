package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileMatch;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.MachineReport;
import dev.unitcost.telemetry.CpuCrossCheck;
import dev.unitcost.telemetry.HostInfo;
import dev.unitcost.telemetry.MemoryBandwidth;
import dev.unitcost.telemetry.OshiSampler;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.telemetry.nvml.NvmlSampler;
import dev.unitcost.telemetry.ort.ExecutionProviders;
import dev.unitcost.telemetry.rapl.RaplSampler;
import dev.unitcost.telemetry.rapl.RaplZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unitcost doctor}: what this machine is, what can be measured on it and how, which ONNX
 * Runtime providers work, and which hardware profile fits. Reads only; writes nothing.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Show what this machine offers for measuring.",
            "",
            "The machine (CPU, memory, GPUs), which telemetry samplers work here and why not, how energy would be "
                    + "obtained (measured, integrated or estimated), which ONNX Runtime execution providers load, "
                    + "and the hardware profile that best matches."
        })
public final class DoctorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--powercap-root", paramLabel = "DIR", description = "where RAPL zones live (default: ${DEFAULT-VALUE})")
    Path powercapRoot = RaplSampler.DEFAULT_ROOT;

    @Option(names = "--hardware-dir", paramLabel = "DIR",
            description = "hardware profiles to match (default: profiles/hardware under the project root)")
    Path hardwareDir;

    @Option(names = "--cross-check", arity = "0..1", fallbackValue = "5", paramLabel = "SECONDS",
            description = "also spin every CPU for SECONDS (default 5) and check OSHI's CPU figures against the JVM's,"
                    + " with the sampler's own overhead at 10 Hz")
    Integer crossCheckSeconds;

    @Option(names = "--measure-bandwidth", description = "measure the memory bandwidth MBU is set against (about 10 s; cached per machine)")
    boolean measureBandwidth;

    @Override
    public Integer call() {
        if (crossCheckSeconds != null && (crossCheckSeconds < 1 || crossCheckSeconds > 600)) {
            throw InputException.option("--cross-check", "expected 1 to 600 seconds, got " + crossCheckSeconds);
        }
        ReportFormat output = ReportFormats.byName(format);
        MachineReport report = examine();
        Output.write(spec.commandLine().getOut(), w -> output.write(report, w));
        return ExitCodes.OK;
    }

    MachineReport examine() {
        HostInfo host = HostInfo.detect();
        RaplSampler rapl = new RaplSampler(powercapRoot);
        NvmlSampler nvml = new NvmlSampler();
        List<MachineReport.SamplerStatus> samplers = new ArrayList<>();
        for (TelemetrySampler s : List.of(new OshiSampler(), rapl, nvml)) {
            var a = s.availability();
            samplers.add(new MachineReport.SamplerStatus(s.name(), a.available(), a.reason()));
        }
        boolean raplOk = samplers.get(1).available();
        boolean nvmlOk = samplers.get(2).available();
        List<String> gpus = nvmlOk ? nvml.gpuNames() : List.of();
        List<String> zones = raplOk ? rapl.zones().stream().map(RaplZone::series).toList() : List.of();
        String method;
        String detail;
        if (raplOk || nvmlOk) {
            method = nvmlOk ? "measured or integrated" : "measured";
            detail = (raplOk ? "CPU: RAPL energy counters (" + String.join(", ", zones) + ")" : "CPU: estimated from load")
                    + (nvmlOk ? "; GPU: NVML energy counter where the GPU has one (Volta+), else integrated power" : "");
        } else {
            method = "estimated";
            detail = "nothing here measures energy or power; figures will be estimated from CPU load with the power model below";
        }
        List<String> gpuNames = !gpus.isEmpty() ? gpus : host.gpus().stream().map(HostInfo.Gpu::name).toList();
        MachineReport.CrossCheck cross = crossCheckSeconds == null ? null : MachineReport.CrossCheck.of(CpuCrossCheck.run(
                Duration.ofSeconds(crossCheckSeconds), host.logicalProcessors(), Duration.ofMillis(100), Duration.ofSeconds(1)));
        return new MachineReport(host, samplers, gpus, zones, method, detail, host.fallbackPowerModel(),
                ExecutionProviders.probe(), profiles(host, gpuNames), cross, bandwidth());
    }

    private MachineReport.Bandwidth bandwidth() {
        var cacheDir = ProjectLayout.detect().cacheDir();
        var peak = measureBandwidth ? java.util.Optional.of(MemoryBandwidth.peak(cacheDir, true)) : MemoryBandwidth.cached(cacheDir);
        return peak.map(p -> new MachineReport.Bandwidth(p.bytesPerSecond(), p.source())).orElse(null);
    }

    private MachineReport.Profiles profiles(HostInfo host, List<String> gpuNames) {
        Path dir = hardwareDir != null ? hardwareDir : ProjectLayout.detect().hardware();
        List<String> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<HardwareProfile> candidates = new ArrayList<>();
        java.util.Map<String, Path> files = new java.util.HashMap<>();
        for (String name : ConfigFiles.namesIn(dir)) {
            Path file = ConfigFiles.resolveNamed(dir, name, "hardware profile");
            try {
                HardwareProfile p = ConfigFiles.read(file, HardwareProfile.class);
                found.add(p.name());
                candidates.add(p);
                files.put(p.name(), file);
            } catch (InputException e) {
                unreadable.add(e.getMessage()); // one bad profile must not hide the rest
            }
        }
        if (candidates.isEmpty()) {
            String why = Files.isDirectory(dir) ? "no readable hardware profiles in " + dir : "no directory " + dir;
            return new MachineReport.Profiles(dir.toString(), found, unreadable, null, null, why);
        }
        // the rule `run` prices by: a CPU run on all threads, and a run on the first GPU when there is one
        MeasuredDevices cpuRun = new MeasuredDevices(host.cpuModel(), host.logicalProcessors(), null);
        String gpuLine = "";
        if (!gpuNames.isEmpty()) {
            MeasuredDevices gpuRun = new MeasuredDevices(host.cpuModel(), host.logicalProcessors(), gpuNames.get(0));
            gpuLine = "; for a run on " + gpuNames.get(0) + ": " + ProfileMatch.best(gpuRun, candidates)
                    .map(m -> m.profile().name() + " (" + m.why() + ")").orElse("none describes it");
        }
        String gpus = gpuLine;
        return ProfileMatch.best(cpuRun, candidates)
                .map(m -> new MachineReport.Profiles(dir.toString(), found, unreadable, m.profile().name(),
                        files.get(m.profile().name()).toString(), "for a CPU run: " + m.why() + gpus))
                .orElseGet(() -> new MachineReport.Profiles(dir.toString(), found, unreadable, null, null,
                        "for a CPU run: none describes " + cpuRun.describe() + gpus));
    }
}
