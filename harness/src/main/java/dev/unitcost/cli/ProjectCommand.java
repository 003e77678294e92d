package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.Device;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.model.ModelLoad;
import dev.unitcost.projection.Calibration;
import dev.unitcost.projection.DevicePhysics;
import dev.unitcost.projection.Efficiency;
import dev.unitcost.projection.Projection;
import dev.unitcost.projection.Projector;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.synth.TwinCache;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unitcost project}: a model's cost on hardware we do not own, projected from device facts and labelled so. */
@Command(
        name = "project",
        mixinStandardHelpOptions = true,
        description = {
            "Project a model's decode and prefill speed, memory fit and USD per 1M tokens onto hardware profiles, from",
            "the model's facts (no weights are written) and its devices' datasheet peaks (profiles/devices/).",
            "Every figure is a projection, labelled with its inputs: bandwidth, FLOP/s and the efficiency assumed.",
            "Example: unitcost project --model twin:llama-3.1-8b:int4 --hardware runpod-l4,runpod-h100-sxm"
        })
public final class ProjectCommand implements Callable<Integer> {

    static final String DEFAULT_WORKLOAD = "generation-default";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "twin:PRESET:QUANT", description = "a twin preset and weight format (fp32, fp16, int8, int4)")
    String model;

    @Option(names = "--hardware", required = true, split = ",", paramLabel = "PROFILE[,PROFILE...]",
            description = "hardware profiles under profiles/hardware/ (each names its device)")
    List<String> hardware;

    @Option(names = "--workload", defaultValue = DEFAULT_WORKLOAD, paramLabel = "NAME|PATH",
            description = "a generation workload: its batch sizes and input/output lengths (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--bandwidth", paramLabel = "BYTES_PER_S",
            description = "peak memory bandwidth of one device, replacing the catalogue's (e.g. what doctor --measure-bandwidth prints)")
    Double bandwidth;

    @Option(names = "--peak-flops", paramLabel = "FLOP_PER_S", description = "dense FP16 peak of one device, replacing the catalogue's")
    Double peakFlops;

    @Option(names = "--decode-efficiency", paramLabel = "E", description = "achieved share of peak bandwidth, in (0, 1] (default 0.7, sourced in the output)")
    Double decodeEfficiency;

    @Option(names = "--prefill-efficiency", paramLabel = "E", description = "achieved share of peak FLOP/s, in (0, 1] (default 0.5, an assumption)")
    Double prefillEfficiency;

    @Option(names = "--run", paramLabel = "REPORT|last[:MODEL]",
            description = "a stored generation run (id, file, or the newest in the results history: last, last:MODEL) measured on"
                    + " the first --hardware profile's device: calibrates the projection"
                    + " from its smallest-batch point (decode: bytes per step / median TPOT; prefill: FLOPs / median prefill time);"
                    + " with a second batch size and that device's bandwidth (--bandwidth, e.g. doctor --measure-bandwidth, or the"
                    + " catalogue's), also its per-step overhead and decode arithmetic rate. Devices of the same kind get its shares"
                    + " of peak, devices of another kind the defaults")
    String run;

    @Option(names = "--measured", split = ",", paramLabel = "REPORT",
            description = "stored generation runs (ids, files, last, last:MODEL) of this same --model measured on the first --hardware profile's device: each"
                    + " measured point beside its projection, with the error (a calibration check; calibrate with --run on"
                    + " another model)")
    List<String> measured = List.of();

    @Option(names = "--api", paramLabel = "MODEL", description = "the API to break even against (default: the cheapest chat model on the rate cards)")
    String api;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json|html|csv", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where --run and --measured look up run ids and 'last' (default: results/)")
    Path resultsDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true, description = "the unitcost checkout holding profiles/")
    Path projectDir;

    @Override
    public Integer call() {
        ReportFormat output = ReportFormats.byName(format);
        if (!TwinCache.isReference(model)) {
            throw InputException.option("--model", "expected twin:PRESET:QUANT (a preset's facts; nothing is written), got '" + model + "'");
        }
        ModelLoad load = TwinCache.modelLoad(model);
        ProjectLayout layout = CliChecks.layout(projectDir);
        Profiles profiles = new Profiles(layout);
        positiveIfGiven(bandwidth, "--bandwidth");
        positiveIfGiven(peakFlops, "--peak-flops");
        Efficiency efficiency = efficiency();
        Calibration calibration = null;
        if (run != null) {
            if (decodeEfficiency != null || prefillEfficiency != null) {
                throw InputException.option("--run", "give either --run or --decode-efficiency/--prefill-efficiency, not both");
            }
            calibration = RunCalibration.of(results(layout), run, measuredBandwidth(profiles));
        }
        List<Projector.Target> targets = new ArrayList<>();
        for (String name : hardware) {
            HardwareProfile profile = profiles.hardware(name.strip());
            targets.add(new Projector.Target(profile, physics(profiles, profile, calibration)));
        }
        if (calibration != null) {
            targets = calibrated(targets, calibration);
            efficiency = targets.get(0).efficiency();
        }
        if (api != null) {
            CliChecks.apiModel(profiles.rateCatalog(ratecards), api, ratecards != null ? ratecards.toString() : "profiles/ratecards");
        }
        Projection projected = Projector.project(load, targets, points(layout), efficiency, profiles.rateCards(ratecards), api);
        Projection projection = measured.isEmpty() ? projected
                : projected.withChecks(MeasuredCheck.of(results(layout), measured, model, load, targets.get(0), efficiency));
        Output.write(spec.commandLine().getOut(), w -> output.write(projection, w));
        return ExitCodes.OK;
    }

    /**
     * The run was measured on the first profile's device: that device gets the calibration itself (with its per-step
     * overhead when the run had two batch sizes), other devices of its kind the shares of peak it reached, devices of
     * another kind the stated defaults (a CPU's share of its bandwidth says nothing about a GPU's).
     */
    private static List<Projector.Target> calibrated(List<Projector.Target> targets, Calibration calibration) {
        DevicePhysics measured = targets.get(0).physics();
        List<Projector.Target> out = new ArrayList<>();
        for (Projector.Target t : targets) {
            DevicePhysics d = t.physics();
            Efficiency e;
            try {
                if (d.device().equals(measured.device()) && d.bandwidthBytesPerSecond() == measured.bandwidthBytesPerSecond()) {
                    e = calibration.onMeasuredDevice(d.bandwidthBytesPerSecond(), d.peakFlopsPerSecond());
                } else if (d.kind().equals(measured.kind())) {
                    e = calibration.against(d.bandwidthBytesPerSecond(), d.peakFlopsPerSecond());
                } else {
                    Efficiency x = Efficiency.DEFAULT;
                    e = new Efficiency(x.decode(), x.prefill(), x.decodeCompute(), x.stepOverheadSeconds(), "the calibration run measured a "
                            + measured.kind() + ", so on this " + d.kind() + " the " + x.source());
                }
            } catch (IllegalArgumentException ex) {
                throw InputException.option("--run", ex.getMessage() + " (profile " + t.profile().name() + ")");
            }
            out.add(new Projector.Target(t.profile(), d, e));
        }
        return out;
    }

    /** The first profile's bandwidth as given or catalogued, which the calibration run's steps read at; null when neither. */
    private Double measuredBandwidth(Profiles profiles) {
        if (bandwidth != null) {
            return bandwidth;
        }
        HardwareProfile first = profiles.hardware(hardware.get(0).strip());
        Device device = first.device() == null ? null : profiles.device(first.device());
        return device == null ? null : device.memoryBandwidthBytesPerSecond();
    }

    private Path results(ProjectLayout layout) {
        return resultsDir != null ? resultsDir : layout.results();
    }

    private Efficiency efficiency() {
        if (decodeEfficiency == null && prefillEfficiency == null) {
            return Efficiency.DEFAULT;
        }
        double decode = decodeEfficiency != null ? decodeEfficiency : Efficiency.DEFAULT.decode();
        double prefill = prefillEfficiency != null ? prefillEfficiency : Efficiency.DEFAULT.prefill();
        if (!(decode > 0 && decode <= 1) || !(prefill > 0 && prefill <= 1)) {
            throw InputException.option(decodeEfficiency != null && !(decode > 0 && decode <= 1) ? "--decode-efficiency"
                    : "--prefill-efficiency", "must lie in (0, 1]");
        }
        return new Efficiency(decode, prefill, "given on the command line: decode " + decode + " of peak bandwidth"
                + (decodeEfficiency == null ? " (default)" : "") + ", prefill " + prefill + " of peak FLOP/s"
                + (prefillEfficiency == null ? " (default)" : ""));
    }

    private DevicePhysics physics(Profiles profiles, HardwareProfile profile, Calibration calibration) {
        Device device = profile.device() == null ? null : profiles.device(profile.device());
        Double bw = bandwidth != null ? bandwidth : device == null ? null : device.memoryBandwidthBytesPerSecond();
        Double flops = peakFlops != null ? peakFlops : device == null ? null : device.fp16FlopsPerSecond();
        String bwSource = bandwidth != null ? "given with --bandwidth" : null;
        String flopsSource = peakFlops != null ? "given with --peak-flops" : null;
        if (bw == null && calibration != null) {
            bw = calibration.achievedBandwidthBytesPerSecond();
            bwSource = "achieved by " + calibration.label() + ", taken as the peak";
        }
        if (flops == null && calibration != null) {
            flops = calibration.achievedFlopsPerSecond();
            flopsSource = "achieved by " + calibration.label() + ", taken as the peak";
        }
        String what = device == null ? "profile " + profile.name() + " names no device (profiles/devices/), so"
                : "device " + device.name() + " (profile " + profile.name() + ") states no";
        if (bw == null) {
            throw InputException.option("--bandwidth", "needed: " + what + " memory bandwidth");
        }
        if (flops == null) {
            throw InputException.option("--peak-flops", "needed: " + what + " FP16 FLOP/s");
        }
        String catalogue = device == null ? null : "profiles/devices/" + device.name() + ".yaml";
        String kind = device != null ? device.kind() : profile.machine() != null && profile.machine().gpu() != null ? "gpu" : "cpu";
        return new DevicePhysics(device != null ? device.name() : profile.name(), kind, bw, bwSource != null ? bwSource : catalogue, flops,
                flopsSource != null ? flopsSource : catalogue, device == null ? null : device.memoryBytes());
    }

    private Projector.Points points(ProjectLayout layout) {
        Path file = ConfigFiles.resolveNamed(layout.workloads(), workload, "workload");
        Workload w = ConfigFiles.read(file, Workload.class);
        if (!(w instanceof GenerationWorkload g)) {
            throw InputException.option("--workload", "'" + workload + "' is not a generation workload");
        }
        return new Projector.Points(g.name(), g.batchSizes(), g.inputLengths(), g.outputLengths());
    }

    private static void positiveIfGiven(Double value, String option) {
        if (value != null && !(value > 0 && !value.isInfinite())) {
            throw InputException.option(option, "must be a positive number, got " + value);
        }
    }
}
