package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.RateCard;
import dev.unitcost.report.ConsoleRenderer;
import dev.unitcost.report.MarkdownRenderer;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.workload.EmbeddingWorkload;
import java.nio.file.Path;
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
                    + "128 tokens in, 32 out), ONNX Runtime on CPU, priced on aws-m6i-large."
        })
public final class RunCommand implements Callable<Integer> {

    static final String DEFAULT_ENCODER = "all-minilm-l6-v2-q";
    static final String DEFAULT_EMBEDDING_WORKLOAD = "embedding-default";
    static final String DEFAULT_DECODER = "twin:smollm2-135m:int4";
    static final String DEFAULT_GENERATION_WORKLOAD = "generation-default";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

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

    @Option(names = "--hardware", defaultValue = "aws-m6i-large", paramLabel = "NAME|PATH",
            description = "hardware profile under profiles/hardware/ or a YAML file (default: ${DEFAULT-VALUE})")
    String hardware;

    @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
    Path ratecards;

    @Option(names = "--engine", defaultValue = "ort", paramLabel = "ort|djl",
            description = "ort = ONNX Runtime Java, djl = DJL's OnnxRuntime engine (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--batch-sizes", split = ",", paramLabel = "N,N,...", description = "override the workload's batch sizes")
    List<Integer> batchSizes;

    @Option(names = "--repetitions", paramLabel = "N", description = "override the workload's repetitions per point")
    Integer repetitions;

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

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|markdown",
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
        checkOptions();
        // Everything that can be wrong in the input is checked before anything runs or is written.
        Profiles profiles = new Profiles(layout);
        HardwareProfile hw = profiles.hardware(hardware);
        List<RateCard> cards = profiles.rateCards(ratecards);
        RunPlanner planner = new RunPlanner(layout, this, hw, cards, spec.commandLine().getErr());
        List<RunPlanner.Planned> plans = model == null && workload == null
                ? List.of(planner.plan(DEFAULT_ENCODER, DEFAULT_EMBEDDING_WORKLOAD, true),
                        planner.plan(DEFAULT_DECODER, DEFAULT_GENERATION_WORKLOAD, true))
                : List.of(planner.plan(model, workload));

        var out = spec.commandLine().getOut();
        JsonResultStore store = new JsonResultStore(resultsDir != null ? resultsDir : layout.results());
        List<RunReport> reports = new java.util.ArrayList<>();
        for (RunPlanner.Planned plan : plans) {
            RunReport report = plan.execute(quiet ? dev.unitcost.run.ProgressListener.NONE : new ConsoleProgress(spec.commandLine().getErr()));
            Path saved = store.save(report);
            reports.add(report);
            switch (format) {
                case "json" -> { }
                case "markdown" -> out.print(MarkdownRenderer.render(report));
                default -> out.print(ConsoleRenderer.render(report));
            }
            if (!"json".equals(format)) {
                out.println("report: " + saved);
                out.println();
            }
            out.flush();
        }
        if ("json".equals(format)) {
            out.println(reports.size() == 1 ? ReportJson.write(reports.get(0)) : ReportJson.write(reports));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (!List.of("table", "json", "markdown").contains(format)) {
            throw InputException.option("--format", "expected table, json or markdown, got '" + format + "'");
        }
        if (batchSizes != null) {
            try {
                EmbeddingWorkload.checkBatchSizes(batchSizes);
            } catch (IllegalArgumentException e) {
                throw InputException.option("--batch-sizes", e.getMessage());
            }
        }
        if (repetitions != null && repetitions < 1) {
            throw InputException.option("--repetitions", "must be >= 1, got " + repetitions);
        }
        if (threads < 0) {
            throw InputException.option("--threads", "must be >= 0 (0 = all cores), got " + threads);
        }
        if (!(utilisation > 0 && utilisation <= 1)) {
            throw InputException.option("--utilisation", "must be in (0, 1], got " + utilisation);
        }
        if (sampleIntervalMillis < 1) {
            throw InputException.option("--sample-interval-ms", "must be >= 1, got " + sampleIntervalMillis);
        }
        if (!device.matches("cpu|cuda(:\\d+)?")) {
            throw InputException.option("--device", "expected cpu, cuda or cuda:N, got '" + device + "'");
        }
        if (!List.of("all", "extended", "basic", "none").contains(optimizationLevel)) {
            throw InputException.option("--optimization-level", "expected all, extended, basic or none, got '" + optimizationLevel + "'");
        }
    }
}
