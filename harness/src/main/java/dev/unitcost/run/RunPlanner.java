package dev.unitcost.run;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.ModelResolver;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.RateCard;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.Engines;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.ModelCache;
import dev.unitcost.model.ModelSpec;
import dev.unitcost.synth.TwinCache;
import dev.unitcost.synth.TwinProgress;
import dev.unitcost.telemetry.HostInfo;
import dev.unitcost.telemetry.MemoryBandwidth;
import dev.unitcost.telemetry.PowerModel;
import dev.unitcost.telemetry.Samplers;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;
import dev.unitcost.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link RunOptions} into {@link PlannedRun}s: every file read, every field checked, every
 * model resolved (twins written), so that bad input stops before anything is measured or written.
 */
public final class RunPlanner {

    public static final String DEFAULT_ENCODER = "all-minilm-l6-v2-q";
    public static final String DEFAULT_EMBEDDING_WORKLOAD = "embedding-default";
    public static final String DEFAULT_DECODER = "twin:smollm2-135m:int4";
    public static final String DEFAULT_GENERATION_WORKLOAD = "generation-default";

    private final ProjectLayout layout;
    private final RunOptions o;
    private final ProgressListener progress;

    /** @param progress told of work before measuring (a twin being written) */
    public RunPlanner(ProjectLayout layout, RunOptions options, ProgressListener progress) {
        this.layout = layout;
        this.o = options;
        this.progress = progress;
    }

    /** The default suite (an encoder, then a decoder) or the one run asked for; all checked before any is returned. */
    public List<PlannedRun> plan() {
        Profiles profiles = new Profiles(layout);
        HardwareProfile hardware = profiles.hardware(o.hardware());
        List<RateCard> cards = profiles.rateCards(o.ratecards());
        PlannedRun.Pricing pricing = new PlannedRun.Pricing(hardware, cards, o.utilisation(), null);
        if (o.defaultSuite()) {
            return List.of(plan(DEFAULT_ENCODER, DEFAULT_EMBEDDING_WORKLOAD, true, pricing),
                    plan(DEFAULT_DECODER, DEFAULT_GENERATION_WORKLOAD, true, pricing));
        }
        return List.of(plan(o.model(), o.workload(), false, pricing));
    }

    /** @param suite whether this run is part of the default suite (options meant for the other part are then ignored) */
    private PlannedRun plan(String modelArg, String workloadArg, boolean suite, PlannedRun.Pricing pricing) {
        boolean decoder = modelArg != null && (TwinCache.isReference(modelArg) || DecoderModel.looksLikeDecoderDir(Path.of(modelArg)));
        String workloadName = workloadArg != null ? workloadArg : decoder ? DEFAULT_GENERATION_WORKLOAD : DEFAULT_EMBEDDING_WORKLOAD;
        Path workloadFile = ConfigFiles.resolveNamed(layout.workloads(), workloadName, "workload");
        Workload w = ConfigFiles.read(workloadFile, Workload.class);
        Engine engine = Engines.byName(o.engine());
        EngineOptions options = new EngineOptions(o.threads(), o.spinning(), o.optimizationLevel(), o.device(), o.allowCpuFallback());
        engine.checkOptions(options);
        List<TelemetrySampler> samplers = (o.powercapRoot() != null ? Samplers.all(o.powercapRoot()) : Samplers.all()).stream()
                .filter(s -> s.availability().available()).toList();
        Duration interval = Duration.ofMillis(o.sampleIntervalMillis());
        PowerModel power = HostInfo.detect().fallbackPowerModel();
        if (w instanceof GenerationWorkload g) {
            String m = modelArg != null ? modelArg : DEFAULT_DECODER;
            GenerationTask task = generationTask(m, g, workloadFile, engine, options, pricing.hardware(), suite);
            return new PlannedRun(m, task, task.workload(), engine.name(), options, samplers, interval, power, pricing);
        }
        if (decoder) {
            throw new InputException(workloadFile + ": task: embedding, but the model " + modelArg
                    + " is a decoder LLM: give a generation workload (e.g. " + DEFAULT_GENERATION_WORKLOAD + ")");
        }
        EmbeddingWorkload e = (EmbeddingWorkload) w;
        try {
            e = e.with(o.batchSizes(), o.repetitions(), o.sequenceLength());
        } catch (IllegalArgumentException ex) {
            throw InputException.setting("sequenceLength", ex.getMessage());
        }
        if (!"cpu".equals(o.device())) {
            throw InputException.setting("device", suite
                    ? "the default suite's encoder runs on CPU only; give a model and a workload to run a decoder on " + o.device()
                    : "encoder runs are CPU only for now; GPUs run decoder LLMs");
        }
        Corpus corpus = Corpus.load(e.corpus(), layout.workloads());
        String m = modelArg != null ? modelArg : DEFAULT_ENCODER;
        ModelSpec spec = new ModelResolver(layout.models(), new ModelCache(layout.cacheDir())).resolve(m);
        return new PlannedRun(m, new EmbeddingTask(spec, e, corpus, engine, options), e, engine.name(), options, samplers, interval,
                power, pricing);
    }

    private GenerationTask generationTask(String modelArg, GenerationWorkload g, Path workloadFile, Engine engine,
            EngineOptions options, HardwareProfile hardware, boolean suite) {
        if (o.sequenceLength() != null && !suite) {
            throw InputException.setting("sequenceLength", "applies to embedding workloads; generation workloads set inputLengths");
        }
        if (!engine.runsDecoders()) {
            throw InputException.setting("engine", engine.name() + " runs encoder models only; decoder LLMs run with the ort engine");
        }
        GenerationWorkload w = g.with(o.batchSizes(), o.repetitions());
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
                throw InputException.setting("model", modelArg + ": no such directory");
            }
            if (!DecoderModel.looksLikeDecoderDir(dir)) {
                throw new InputException(dir + ": not a decoder model directory (expected config.json and onnx/model*.onnx)");
            }
        }
        DecoderModel model = DecoderModel.open(dir, o.quant());
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
        if (bandwidth == null && "cpu".equals(o.device())) {
            bandwidth = MemoryBandwidth.measureBytesPerSecond();
            source = String.format(Locale.ROOT, "measured on this machine by unitcost: Java streaming read on %d threads, "
                    + "a lower bound of the peak", Runtime.getRuntime().availableProcessors());
        }
        return new GenerationTask(model, w, prompts, engine, options, bandwidth, bandwidth == null ? "unknown" : source);
    }

    private static void checkContext(int longest, int maxPositions, Path workloadFile, String where) {
        if (longest > maxPositions) {
            throw new InputException(workloadFile + ": inputLengths + outputLengths reach " + longest
                    + " tokens, beyond the model's context of " + maxPositions + " (max_position_embeddings in " + where + ")");
        }
    }

    private TwinProgress twinProgress() {
        return (done, total) -> progress.preparing("writing shape twin into the cache", done, total);
    }
}
