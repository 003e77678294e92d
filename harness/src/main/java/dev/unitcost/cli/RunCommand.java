package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.EmbeddingRunPricing;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.RateCard;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.Engines;
import dev.unitcost.model.ModelCache;
import dev.unitcost.model.ModelResolver;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.report.ConsoleRenderer;
import dev.unitcost.report.MarkdownRenderer;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.run.EmbeddingRun;
import dev.unitcost.run.RunRequest;
import dev.unitcost.telemetry.Samplers;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EmbeddingWorkload;
import java.nio.file.Path;
import java.time.Duration;
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
            "Measure a model on a workload, price the throughput on a hardware profile against the API rate cards,",
            "and store the report under the results directory. With no options: the int8 all-MiniLM-L6-v2 from",
            "Maven Central, a batch sweep of 1, 8 and 32 at 128 tokens, ONNX Runtime on CPU."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "all-minilm-l6-v2-q", paramLabel = "NAME|PATH",
            description = "manifest name under models/, a manifest file, a model directory or an .onnx file (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--workload", defaultValue = "embedding-default", paramLabel = "NAME|PATH",
            description = "workload under profiles/workloads/ or a YAML file (default: ${DEFAULT-VALUE})")
    String workload;

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
        EmbeddingWorkload base = ConfigFiles.read(ConfigFiles.resolveNamed(layout.workloads(), workload, "workload"), EmbeddingWorkload.class);
        EmbeddingWorkload w = withOverrides(base);
        Corpus corpus = Corpus.load(w.corpus(), layout.workloads());
        Engine eng = Engines.byName(engine);
        EngineOptions options = new EngineOptions(threads, !noSpinning, optimizationLevel);
        ModelSpec spec = new ModelResolver(layout.models(), new ModelCache(layout.cacheDir())).resolve(model);
        List<TelemetrySampler> samplers = Samplers.all().stream().filter(s -> s.availability().available()).toList();

        RunRequest request = new RunRequest(model, spec, w, corpus, eng, options, samplers,
                Duration.ofMillis(sampleIntervalMillis), hw.name());
        var err = spec().commandLine().getErr();
        RunReport report = new EmbeddingRun(request, quiet ? dev.unitcost.run.ProgressListener.NONE : new ConsoleProgress(err), layout.root())
                .execute();
        report = report.withCost(EmbeddingRunPricing.price(report, hw, cards, utilisation));
        Path saved = new JsonResultStore(resultsDir != null ? resultsDir : layout.results()).save(report);

        var out = spec().commandLine().getOut();
        switch (format) {
            case "json" -> out.println(ReportJson.write(report));
            case "markdown" -> out.print(MarkdownRenderer.render(report));
            default -> out.print(ConsoleRenderer.render(report));
        }
        if (!"json".equals(format)) {
            out.println("report: " + saved);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private picocli.CommandLine.Model.CommandSpec spec() {
        return spec;
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
        if (!List.of("all", "extended", "basic", "none").contains(optimizationLevel)) {
            throw InputException.option("--optimization-level", "expected all, extended, basic or none, got '" + optimizationLevel + "'");
        }
    }

    private EmbeddingWorkload withOverrides(EmbeddingWorkload base) {
        try {
            return base.with(batchSizes, repetitions, sequenceLength);
        } catch (IllegalArgumentException e) {
            throw InputException.option("--sequence-length", e.getMessage());
        }
    }
}
