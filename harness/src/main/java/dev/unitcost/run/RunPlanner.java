package dev.unitcost.run;

import dev.unitcost.InputException;
import dev.unitcost.config.ConfigFiles;
import dev.unitcost.config.ModelResolver;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.ProfileMatch;
import dev.unitcost.cost.RateCard;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.Engines;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.EncoderLimits;
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
import dev.unitcost.workload.PackedBatches;
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
    private final HostInfo host;

    /** @param progress told of work before measuring (a twin being written) */
    public RunPlanner(ProjectLayout layout, RunOptions options, ProgressListener progress) {
        this(layout, options, progress, HostInfo.detect());
    }

    /** @param host the machine the run will measure (a fake one in tests of profile choice) */
    RunPlanner(ProjectLayout layout, RunOptions options, ProgressListener progress, HostInfo host) {
        this.layout = layout;
        this.o = options;
        this.progress = progress;
        this.host = host;
    }

    /** The default suite (an encoder, then a decoder) or the one run asked for; all checked before any is returned. */
    public List<PlannedRun> plan() {
        // the engine and device first: a GPU that is not there is the error to show, not the profile that prices it
        Engines.byName(o.engine()).checkOptions(engineOptions());
        MeasuredDevices measured = measuredDevices();
        PlannedRun.Pricing pricing = pricing(measured);
        if (o.defaultSuite()) {
            return List.of(plan(DEFAULT_ENCODER, DEFAULT_EMBEDDING_WORKLOAD, true, pricing, measured),
                    plan(DEFAULT_DECODER, DEFAULT_GENERATION_WORKLOAD, true, pricing, measured));
        }
        return List.of(plan(o.model(), o.workload(), false, pricing, measured));
    }

    /**
     * The devices the runs will use: the machine's logical CPUs (a run limited to fewer threads still
     * occupies the machine), or the GPU of the device asked for.
     */
    MeasuredDevices measuredDevices() {
        int threads = host.logicalProcessors();
        String gpu = null;
        if (o.device().startsWith("cuda")) {
            int index = o.device().contains(":") ? Integer.parseInt(o.device().substring(o.device().indexOf(':') + 1)) : 0;
            gpu = index < host.gpus().size() ? host.gpus().get(index).name() : "GPU " + o.device() + " (not listed by the OS)";
        }
        return new MeasuredDevices(host.cpuModel(), Math.max(1, threads), gpu);
    }

    /**
     * The profile the runs are priced on: this machine's price per hour when given; another machine's when
     * asked for as such; a named profile only when it describes the measured devices; else the profile that
     * does, or none (the runs are then stored unpriced).
     *
     * @throws HardwareMismatchException when a named profile describes other devices
     */
    PlannedRun.Pricing pricing(MeasuredDevices measured) {
        Profiles profiles = new Profiles(layout);
        List<RateCard> cards = profiles.rateCards(o.ratecards());
        if (o.usdPerHour() != null) {
            HardwareProfile here = new HardwareProfile.Rented("this-machine", "this machine, as measured: " + measured.describe(),
                    "its price per hour as given for this run", java.time.LocalDate.now(java.time.ZoneOffset.UTC), o.usdPerHour(),
                    null, null, 1, null, null, null, null, null, null,
                    new HardwareProfile.Machine(measured.gpuRun() ? null : measured.cpuModel(),
                            measured.gpuRun() ? null : measured.cpuThreads(), measured.gpu()));
            return new PlannedRun.Pricing(here, cards, o.utilisation(), ProfileChoice.matching("this machine at the price per hour given"));
        }
        if (o.priceAs() != null) {
            HardwareProfile other = profiles.hardware(o.priceAs());
            return new PlannedRun.Pricing(other, cards, o.utilisation(), ProfileChoice.pricedAs(other, measured));
        }
        if (o.hardware() != null) {
            HardwareProfile named = profiles.hardware(o.hardware());
            var mismatch = ProfileMatch.mismatch(named, measured);
            if (mismatch.isPresent()) {
                throw new HardwareMismatchException("hardware", o.hardware(), mismatch.get());
            }
            return new PlannedRun.Pricing(named, cards, o.utilisation(),
                    ProfileChoice.matching("named for this run; " + ProfileMatch.best(measured, List.of(named)).orElseThrow().why()));
        }
        return ProfileMatch.best(measured, profiles.allHardware())
                .map(m -> new PlannedRun.Pricing(m.profile(), cards, o.utilisation(), ProfileChoice.matching("chosen for this machine: "
                        + m.why())))
                .orElse(null);
    }

    private EngineOptions engineOptions() {
        return new EngineOptions(o.threads(), o.spinning(), o.optimizationLevel(), o.device(), o.allowCpuFallback());
    }

    /** @param suite whether this run is part of the default suite (options meant for the other part are then ignored) */
    private PlannedRun plan(String modelArg, String workloadArg, boolean suite, PlannedRun.Pricing pricing, MeasuredDevices measured) {
        boolean decoder = modelArg != null && (TwinCache.isReference(modelArg) || DecoderModel.looksLikeDecoderDir(Path.of(modelArg)));
        String workloadName = workloadArg != null ? workloadArg : decoder ? DEFAULT_GENERATION_WORKLOAD : DEFAULT_EMBEDDING_WORKLOAD;
        Path workloadFile = ConfigFiles.resolveNamed(layout.workloads(), workloadName, "workload");
        Workload w = ConfigFiles.read(workloadFile, Workload.class);
        Engine engine = Engines.byName(o.engine());
        EngineOptions options = engineOptions();
        List<TelemetrySampler> samplers = (o.powercapRoot() != null ? Samplers.all(o.powercapRoot()) : Samplers.all()).stream()
                .filter(s -> s.availability().available()).toList();
        Duration interval = Duration.ofMillis(o.sampleIntervalMillis());
        PowerModel power = host.fallbackPowerModel();
        if (w instanceof dev.unitcost.workload.EndpointWorkload) {
            throw InputException.setting("workload", workloadFile + " is an endpoint workload: it measures a running server, "
                    + "given with --endpoint URL --served-model NAME");
        }
        if (w instanceof GenerationWorkload g) {
            String m = modelArg != null ? modelArg : DEFAULT_DECODER;
            GenerationTask task = generationTask(m, g, workloadFile, engine, options, pricing, suite);
            return new PlannedRun(m, task, task.workload(), engine.name(), options, samplers, interval, power, pricing, measured);
        }
        if (decoder) {
            throw new InputException(workloadFile + ": task: embedding, but the model " + modelArg
                    + " is a decoder LLM: give a generation workload (e.g. " + DEFAULT_GENERATION_WORKLOAD + ")");
        }
        EmbeddingWorkload e = (EmbeddingWorkload) w;
        try {
            e = e.with(o.batchSizes(), o.repetitions(), o.sequenceLength(), o.adaptive(e.adaptive(), e.repetitions()));
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
        PackedBatches batches = encoderBatches(spec, e, corpus, workloadFile);
        return new PlannedRun(m, new EmbeddingTask(spec, e, batches, engine, options), e, engine.name(), options, samplers, interval,
                power, pricing, measured);
    }

    /**
     * The workload's sequences packed with the model's own tokenizer, checked against what the graph can take:
     * no longer than its position embeddings, no token id beyond its vocabulary.
     */
    private PackedBatches encoderBatches(ModelSpec spec, EmbeddingWorkload e, Corpus corpus, Path workloadFile) {
        EncoderLimits limits = EncoderLimits.of(spec.onnxFile());
        if (limits.maxPositions().isPresent() && e.sequenceLength() > limits.maxPositions().getAsInt()) {
            String beyond = e.sequenceLength() + " tokens per sequence is beyond the " + limits.maxPositions().getAsInt()
                    + " positions " + spec.onnxFile().getFileName() + " has embeddings for";
            throw o.sequenceLength() != null ? InputException.setting("sequenceLength", beyond)
                    : InputException.inFile(workloadFile, "sequenceLength", beyond);
        }
        PackedBatches batches;
        try (HfTokenizer tokenizer = HfTokenizer.load(spec.tokenizerFile())) {
            batches = new PackedBatches(corpus, tokenizer, e.sequenceLength());
        } catch (IllegalArgumentException ex) {
            throw InputException.setting("sequenceLength", ex.getMessage());
        }
        if (limits.vocabSize().isPresent() && batches.maxTokenId() >= limits.vocabSize().getAsInt()) {
            throw new InputException(spec.tokenizerFile() + ": gives token id " + batches.maxTokenId() + ", beyond the "
                    + limits.vocabSize().getAsInt() + "-token vocabulary of " + spec.onnxFile() + ": tokenizer and model do not belong together");
        }
        return batches;
    }

    private GenerationTask generationTask(String modelArg, GenerationWorkload g, Path workloadFile, Engine engine,
            EngineOptions options, PlannedRun.Pricing pricing, boolean suite) {
        if (o.sequenceLength() != null && !suite) {
            throw InputException.setting("sequenceLength", "applies to embedding workloads; generation workloads set inputLengths");
        }
        if (!engine.runsDecoders()) {
            throw InputException.setting("engine", engine.name() + " runs encoder models only; decoder LLMs run with the ort engine");
        }
        GenerationWorkload w = g.with(o.batchSizes(), o.repetitions(), o.adaptive(g.adaptive(), g.repetitions()));
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
        // a profile's bandwidth is the measured device's only when the profile describes it (not when priced as another machine)
        boolean describesThis = pricing != null && pricing.choice().measuredOn() == null;
        Double bandwidth = describesThis ? pricing.hardware().peakMemoryBandwidthBytesPerSecond() : null;
        String source = describesThis ? "hardware profile " + pricing.hardware().name() : null;
        if (bandwidth == null && "cpu".equals(o.device())) {
            if (MemoryBandwidth.cached(layout.cacheDir()).isEmpty()) {
                progress.preparing("measuring this machine's memory bandwidth for MBU (once; cached per machine)", 0, 1);
            }
            MemoryBandwidth.Peak peak = MemoryBandwidth.peak(layout.cacheDir());
            bandwidth = peak.bytesPerSecond();
            source = peak.source();
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
