package dev.unitcost.cli;

import dev.unitcost.config.ProjectLayout;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import dev.unitcost.InputException;
import dev.unitcost.run.HardwareMismatchException;
import dev.unitcost.run.PlannedRun;
import dev.unitcost.run.ProgressListener;
import dev.unitcost.run.RunEnvironment;
import dev.unitcost.run.RunOptions;
import dev.unitcost.run.RunPlanner;
import dev.unitcost.run.Runner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unitcost run}: measure a model on a workload, price it, store the report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Measure a model on a workload, price it against the rate cards, and store the report.",
            "",
            "With no --model and no --workload: the default suite, the int8 all-MiniLM-L6-v2 from Maven Central "
                    + "(batch sweep 1, 8, 32 at 128 tokens) and a SmolLM2-135M int4 shape twin (batches of 1 and 8, "
                    + "128 tokens in, 32 out), ONNX Runtime on CPU.",
            "",
            "Prices describe the devices the run uses: without --hardware the run is priced on the profile under "
                    + "profiles/hardware/ that describes them (CPU threads and family, or the GPU), and says which and why; "
                    + "when none does, the run is stored unpriced. --hardware must describe them too; --price-as prices the "
                    + "run as another machine, labelled so in every report; --usd-per-hour gives this machine's own price."
        })
public final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_ENCODER = RunPlanner.DEFAULT_ENCODER;
    static final String DEFAULT_EMBEDDING_WORKLOAD = RunPlanner.DEFAULT_EMBEDDING_WORKLOAD;
    static final String DEFAULT_DECODER = RunPlanner.DEFAULT_DECODER;
    static final String DEFAULT_GENERATION_WORKLOAD = RunPlanner.DEFAULT_GENERATION_WORKLOAD;

    /** How {@code --endpoint} connects in real runs. */
    static final dev.unitcost.engine.endpoint.StreamingClientFactory CLIENTS = dev.unitcost.engine.endpoint.OpenAiStreamingClient::connect;

    private final dev.unitcost.engine.endpoint.StreamingClientFactory clients;

    public RunCommand() {
        this(CLIENTS);
    }

    RunCommand(dev.unitcost.engine.endpoint.StreamingClientFactory clients) {
        this.clients = clients;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "%nMeasuring a running server (OpenAI-compatible: vLLM, TGI, SGLang, "
            + "llama.cpp, Ollama):%n")
    EndpointFlags endpointFlags;

    @Option(names = "--model", paramLabel = "NAME|PATH|twin:PRESET[:QUANT]",
            description = {"an encoder: manifest name under models/, a manifest file, a directory or an .onnx file;",
                "a decoder LLM: a Hugging Face / onnx-community directory (config.json, tokenizer.json, onnx/model*.onnx),",
                "or twin:PRESET[:QUANT] for a shape twin generated into the cache on first use (e.g. twin:qwen2.5-0.5b:int4).",
                "Without --model and --workload: the default suite (" + DEFAULT_ENCODER + " on " + DEFAULT_EMBEDDING_WORKLOAD
                        + ", then " + DEFAULT_DECODER + " on " + DEFAULT_GENERATION_WORKLOAD + ")."})
    String model;

    @Option(names = "--workload", paramLabel = "NAME|PATH",
            description = "workload under profiles/workloads/ or a YAML file (default: " + DEFAULT_EMBEDDING_WORKLOAD + " for encoders, "
                    + DEFAULT_GENERATION_WORKLOAD + " for decoders)")
    String workload;

    @Option(names = "--quant", paramLabel = "q4|int8|fp16|fp32",
            description = "which graph of a decoder directory to run (default: the first present in that order)")
    String quant;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda[:N]",
            description = "execution device; cuda needs the -Pcuda build and CUDA 12 (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--allow-cpu-fallback", description = "run on CPU when the asked-for GPU cannot be used (recorded in the report)")
    boolean allowCpuFallback;

    @Option(names = "--hardware", paramLabel = "NAME|PATH",
            description = "hardware profile under profiles/hardware/ or a YAML file; it must describe the devices the run uses "
                    + "(default: the profile that does)")
    String hardware;

    @Option(names = "--price-as", paramLabel = "NAME|PATH",
            description = "price the run as another machine's profile; every report then says \"priced as NAME, measured on ...\"")
    String priceAs;

    @Option(names = "--usd-per-hour", paramLabel = "USD",
            description = "this machine's own price per hour, instead of a profile")
    java.math.BigDecimal usdPerHour;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--engine", defaultValue = "ort", paramLabel = "ort|djl",
            description = "ort = ONNX Runtime Java, djl = DJL's OnnxRuntime engine (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--batch-sizes", split = ",", paramLabel = "N,N,...", description = "override the workload's batch sizes")
    List<Integer> batchSizes;

    @Option(names = "--repetitions", paramLabel = "N",
            description = "override the workload's repetitions per point (the minimum when repetitions adapt)")
    Integer repetitions;

    @Option(names = "--target-ci", paramLabel = "PERCENT",
            description = "repeat a point until the 95%% interval of its mean throughput is within this (workload default: 3); "
                    + "0 repeats exactly --repetitions times")
    Double targetCiPercent;

    @Option(names = "--max-repetitions", paramLabel = "N", description = "at most this many repetitions per point (workload default: 10)")
    Integer maxRepetitions;

    @Option(names = "--sequence-length", paramLabel = "N", description = "override the workload's tokens per sequence")
    Integer sequenceLength;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "intra-op threads; 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-spinning", description = "stop idle intra-op threads from spinning (better when the machine is shared)")
    boolean noSpinning;

    @Option(names = "--optimization-level", defaultValue = "all", paramLabel = "all|extended|basic|none",
            description = "graph optimisation level (default: ${DEFAULT-VALUE})")
    String optimizationLevel;

    @Option(names = "--utilisation", defaultValue = "1.0", paramLabel = "U",
            description = "share of paid hours the hardware is busy, in (0, 1] (default: ${DEFAULT-VALUE})")
    double utilisation;

    @Option(names = "--sample-interval-ms", defaultValue = "100", paramLabel = "MS",
            description = "telemetry sampling interval (default: ${DEFAULT-VALUE})")
    long sampleIntervalMillis;

    @Option(names = "--powercap-root", paramLabel = "DIR",
            description = "where Linux powercap (RAPL) lives (default: /sys/class/powercap)")
    Path powercapRoot;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where reports go (default: results/)")
    Path resultsDir;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|markdown|html",
            description = "what to print on stdout (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true,
            description = "the unitcost checkout holding models/ and profiles/ (default: -Dunitcost.home or the working directory)")
    Path projectDir;

    @Override
    public Integer call() {
        ProjectLayout layout = projectDir != null ? new ProjectLayout(projectDir, ProjectLayout.detect().cacheDir()) : ProjectLayout.detect();
        ReportFormat output = ReportFormats.byName(format);
        RunOptions options = new RunOptions(model, workload, quant, device, allowCpuFallback, hardware, ratecards, priceAs, usdPerHour,
                engine, batchSizes, repetitions, targetCiPercent, maxRepetitions, sequenceLength, threads, !noSpinning, optimizationLevel,
                utilisation, sampleIntervalMillis, powercapRoot);
        ProgressListener progress = quiet ? ProgressListener.NONE : new ConsoleProgress(spec.commandLine().getErr());
        // Everything that can be wrong in the input is checked before anything runs or is written.
        List<PlannedRun> plans;
        try {
            plans = endpointFlags != null && endpointFlags.any()
                    ? List.of(new dev.unitcost.run.EndpointPlanner(layout, options, endpointFlags.options(), clients, progress).plan())
                    : new RunPlanner(layout, options, progress).plan();
        } catch (HardwareMismatchException e) {
            throw InputException.option("--hardware", e.expectation() + "; to price this run as that machine anyway, give --price-as "
                    + e.profile());
        }

        var out = spec.commandLine().getOut();
        JsonResultStore store = new JsonResultStore(resultsDir != null ? resultsDir : layout.results());
        Interrupt interrupt = Interrupt.install(spec.commandLine().getErr());
        try {
            return runAll(plans, store, output, progress, interrupt, layout);
        } finally {
            interrupt.finished();
        }
    }

    private int runAll(List<PlannedRun> plans, JsonResultStore store, ReportFormat output, ProgressListener progress, Interrupt interrupt,
            ProjectLayout layout) {
        var out = spec.commandLine().getOut();
        Runner runner = new Runner(RunEnvironment.system(layout.root(), interrupt::requested));
        List<RunReport> reports = new ArrayList<>();
        boolean json = "json".equals(output.name());
        for (PlannedRun plan : plans) {
            if (interrupt.requested()) {
                break; // the rest of the suite is not started
            }
            RunReport report = runner.run(plan, progress);
            Path saved = store.save(report);
            Path page = ReportCommand.writeHtmlBeside(saved, report);
            reports.add(report);
            if (!json) {
                Output.write(out, w -> output.write(report, w));
                if (plan.pricing() == null) {
                    out.println("not priced: no hardware profile under profiles/hardware/ describes " + plan.measured().describe()
                            + "; price it with --hardware NAME|FILE (a profile whose machine: block describes them), "
                            + "--usd-per-hour USD (this machine's price), or reprice the stored report");
                }
                out.println("report: " + saved);
                out.println("page: " + page);
                if (interrupt.requested()) {
                    out.println("interrupted: the report holds the points measured before the interrupt; later points say"
                            + " \"not run: interrupted\"");
                }
                out.println();
            }
        }
        if (json) {
            Output.write(out, w -> output.writeAll(reports, w));
        }
        int failed = reports.stream().mapToInt(r -> r.result() instanceof dev.unitcost.result.EndpointResult e ? e.failedRequests() : 0)
                .sum();
        if (failed > 0 && !interrupt.requested()) {
            // after an interrupt the process ends with the signal's status (130 for Ctrl-C), not this one
            spec.commandLine().getErr().println("unitcost: " + failed + " requests failed; the report counts them by kind (exit code "
                    + ExitCodes.REQUEST_ERRORS + ")");
        }
        out.flush();
        return failed > 0 ? ExitCodes.REQUEST_ERRORS : ExitCodes.OK;
    }
}
