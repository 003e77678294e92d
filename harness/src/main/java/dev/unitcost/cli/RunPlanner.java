package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.EmbeddingRunPricing;
import dev.unitcost.cost.GenerationRunPricing;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.RateCard;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.Engines;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.ModelCache;
import dev.unitcost.config.ModelResolver;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.result.RunReport;
import dev.unitcost.run.EmbeddingRun;
import dev.unitcost.run.GenerationRun;
import dev.unitcost.run.GenerationRunRequest;
import dev.unitcost.run.ProgressListener;
import dev.unitcost.run.RunRequest;
import dev.unitcost.synth.TwinCache;
import dev.unitcost.telemetry.MemoryBandwidth;
import dev.unitcost.telemetry.Samplers;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;
import dev.unitcost.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@code run}'s options into runs that are ready to execute: every file read, every field
 * checked, every model resolved, so that bad input stops before anything is measured or written.
 */
final class RunPlanner {

    /** A run that passed every check; {@link #execute} measures, prices and returns the report. */
    interface Planned {
        RunReport execute(ProgressListener progress);
    }

    private final ProjectLayout layout;
    private final RunCommand o;
    private final HardwareProfile hardware;
    private final List<RateCard> cards;
    private final PrintWriter err;

    RunPlanner(ProjectLayout layout, RunCommand options, HardwareProfile hardware, List<RateCard> cards, PrintWriter err) {
        this.layout = layout;
        this.o = options;
        this.hardware = hardware;
        this.cards = cards;
        this.err = err;
    }

    Planned plan(String modelArg, String workloadArg) {
        return plan(modelArg, workloadArg, false);
    }

    /** @param suite whether this run is part of the default suite (options meant for the other part are then ignored) */
    Planned plan(String modelArg, String workloadArg, boolean suite) {
        boolean decoder = modelArg != null && (TwinCache.isReference(modelArg) || DecoderModel.looksLikeDecoderDir(Path.of(modelArg)));
        String workloadName = workloadArg != null ? workloadArg
                : decoder ? RunCommand.DEFAULT_GENERATION_WORKLOAD : RunCommand.DEFAULT_EMBEDDING_WORKLOAD;
        Path workloadFile = ConfigFiles.resolveNamed(layout.workloads(), workloadName, "workload");
        Workload w = ConfigFiles.read(workloadFile, Workload.class);
        Engine engine = Engines.byName(o.engine);
        EngineOptions options = new EngineOptions(o.threads, !o.noSpinning, o.optimizationLevel, o.device, o.allowCpuFallback);
        engine.checkOptions(options);
        List<TelemetrySampler> samplers = (o.powercapRoot != null ? Samplers.all(o.powercapRoot) : Samplers.all()).stream()
                .filter(s -> s.availability().available()).toList();
        Duration interval = Duration.ofMillis(o.sampleIntervalMillis);
        if (w instanceof GenerationWorkload g) {
            String m = modelArg != null ? modelArg : RunCommand.DEFAULT_DECODER;
            return planGeneration(m, g, workloadFile, engine, options, samplers, interval, suite);
        }
        if (decoder) {
            throw new InputException(workloadFile + ": task: embedding, but --model " + modelArg
                    + " is a decoder LLM: give a generation workload (e.g. " + RunCommand.DEFAULT_GENERATION_WORKLOAD + ")");
        }
        EmbeddingWorkload e = ((EmbeddingWorkload) w);
        try {
            e = e.with(o.batchSizes, o.repetitions, o.sequenceLength);
        } catch (IllegalArgumentException ex) {
            throw InputException.option("--sequence-length", ex.getMessage());
        }
        if (!"cpu".equals(o.device)) {
            if (suite) {
                throw InputException.option("--device", "the default suite's encoder runs on CPU only; give --model and --workload "
                        + "to run a decoder on " + o.device);
            }
            throw InputException.option("--device", "encoder runs are CPU only for now; GPUs run decoder LLMs");
        }
        Corpus corpus = Corpus.load(e.corpus(), layout.workloads());
        String m = modelArg != null ? modelArg : RunCommand.DEFAULT_ENCODER;
        ModelSpec spec = new ModelResolver(layout.models(), new ModelCache(layout.cacheDir())).resolve(m);
        RunRequest request = new RunRequest(m, spec, e, corpus, engine, options, samplers, interval, hardware.name(), powerModel());
        return progress -> {
            RunReport report = new EmbeddingRun(request, progress, layout.root()).execute();
            return report.points().stream().anyMatch(dev.unitcost.result.PointResult::ok)
                    ? report.withCost(EmbeddingRunPricing.price(report, hardware, cards, o.utilisation))
                    : report; // nothing ran: stored unpriced, so the measurements are not lost
        };
    }

    private Planned planGeneration(String modelArg, GenerationWorkload g, Path workloadFile, Engine engine, EngineOptions options,
            List<TelemetrySampler> samplers, Duration interval, boolean suite) {
        if (o.sequenceLength != null && !suite) {
            throw InputException.option("--sequence-length", "applies to embedding workloads; generation workloads set inputLengths");
        }
        if (!engine.runsDecoders()) {
            throw InputException.option("--engine", engine.name() + " runs encoder models only; decoder LLMs run with --engine ort");
        }
        GenerationWorkload w = g.with(o.batchSizes, o.repetitions);
        int longest = w.inputLengths().stream().mapToInt(Integer::intValue).max().orElseThrow()
                + w.outputLengths().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Path dir;
        if (TwinCache.isReference(modelArg)) {
            // checked before the twin is written: a twin can be gigabytes
            checkContext(longest, TwinCache.architecture(modelArg).maxPositions(), workloadFile, modelArg + " (its config.json)");
            dir = new TwinCache(layout.cacheDir(), twinProgress()).ensure(modelArg);
        } else {
            dir = Path.of(modelArg);
            if (!Files.isDirectory(dir)) {
                throw InputException.option("--model", modelArg + ": no such directory");
            }
            if (!DecoderModel.looksLikeDecoderDir(dir)) {
                throw new InputException(dir + ": not a decoder model directory (expected config.json and onnx/model*.onnx)");
            }
        }
        DecoderModel model = DecoderModel.open(dir, o.quant);
        checkContext(longest, model.maxPositions(), workloadFile, dir.resolve("config.json").toString());
        Prompts prompts;
        if ("random".equals(w.prompts())) {
            prompts = Prompts.random(model.vocabSize(), w.seed());
        } else {
            Corpus corpus = Corpus.load(w.prompts(), layout.workloads());
            try (HfTokenizer tokenizer = HfTokenizer.load(model.tokenizerFile())) {
                prompts = Prompts.fromCorpus(corpus, tokenizer, model.vocabSize(), w.seed());
            }
        }
        Double bandwidth = hardware.peakMemoryBandwidthBytesPerSecond();
        String source = "hardware profile " + hardware.name();
        if (bandwidth == null && "cpu".equals(o.device)) {
            bandwidth = MemoryBandwidth.measureBytesPerSecond();
            source = String.format(Locale.ROOT, "measured on this machine by unitcost: Java streaming read on %d threads, "
                    + "a lower bound of the peak", Runtime.getRuntime().availableProcessors());
        }
        GenerationRunRequest request = new GenerationRunRequest(modelArg, model, w, prompts, engine, options, samplers, interval,
                hardware.name(), bandwidth, bandwidth == null ? "unknown" : source, powerModel());
        return progress -> {
            RunReport report = new GenerationRun(request, progress, layout.root()).execute();
            return report.generationPoints().stream().anyMatch(dev.unitcost.result.GenerationPoint::ok)
                    ? report.withGenerationCost(GenerationRunPricing.price(report, hardware, cards, o.utilisation))
                    : report;
        };
    }

    /**
     * The power model for energy nothing measures: the hardware profile's CPU/GPU idle and max
     * watts when it gives them (memory from CodeCarbon's 3 W per 8 GB), else CodeCarbon's fallback
     * for this machine.
     */
    private dev.unitcost.telemetry.PowerModel powerModel() {
        var host = dev.unitcost.telemetry.HostInfo.detect();
        var fallback = host.fallbackPowerModel();
        var p = hardware.power();
        if (p == null || p.cpuMaxWatts() == null) {
            return fallback;
        }
        double cpuIdle = p.cpuIdleWatts() != null ? p.cpuIdleWatts() : 0;
        double gpuMax = p.gpuMaxWatts() != null ? p.gpuMaxWatts() : 0;
        double gpuIdle = p.gpuIdleWatts() != null ? p.gpuIdleWatts() : 0;
        return new dev.unitcost.telemetry.PowerModel(cpuIdle, p.cpuMaxWatts(), gpuIdle, gpuMax, fallback.memoryWatts(),
                "hardware profile " + hardware.name() + " (asOf " + hardware.asOf() + "): CPU " + cpuIdle + "-" + p.cpuMaxWatts()
                        + " W scaled by measured CPU load" + (gpuMax > 0 ? ", GPU " + gpuIdle + "-" + gpuMax + " W" : "")
                        + "; memory " + String.format(Locale.ROOT, "%.2f", fallback.memoryWatts()) + " W (CodeCarbon 3 W per 8 GB)");
    }

    private static void checkContext(int longest, int maxPositions, Path workloadFile, String where) {
        if (longest > maxPositions) {
            throw new InputException(workloadFile + ": inputLengths + outputLengths reach " + longest
                    + " tokens, beyond the model's context of " + maxPositions + " (max_position_embeddings in " + where + ")");
        }
    }

    private dev.unitcost.synth.TwinProgress twinProgress() {
        if (o.quiet) {
            return dev.unitcost.synth.TwinProgress.NONE;
        }
        return new dev.unitcost.synth.TwinProgress() {
            private int lastTenth = -1;

            @Override
            public void weightsWritten(long done, long total) {
                int tenth = total == 0 ? 10 : (int) (done * 10 / total);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    err.printf(Locale.ROOT, "writing shape twin into the cache: %d%% of %,d MiB%n", tenth * 10, total >> 20);
                    err.flush();
                }
            }
        };
    }
}
