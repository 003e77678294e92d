package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.ModelRef;
import dev.unitcost.result.Provenance;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TestTwins;
import dev.unitcost.telemetry.PowerModel;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.PackedBatches;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;
import dev.unitcost.workload.TokenBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a whole run, values and all, sealed by golden files: the run skeleton on a fake
 * engine and a fake clock is deterministic, so any change to what a report holds or how it is
 * priced shows here. Regenerate with {@code -Dunitcost.updateGolden=true} after review (and bump
 * {@link RunReport#SCHEMA_VERSION} when the schema changed).
 */
class RunnerGoldenTest {

    @TempDir
    Path dir;

    /** Every read of the monotonic clock advances it by 0.5 ms; the wall clock stands still. */
    static RunEnvironment fakeEnvironment() {
        AtomicLong nanos = new AtomicLong();
        Provenance provenance = new Provenance("Fake CPU", 2, 2, 8L << 30, "FakeOS 1", "FakeJVM 17", "test", "fake-runtime", "0.36.0",
                "fixed-sha", "real", null, "fakehost", List.of());
        return new RunEnvironment(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC), () -> nanos.addAndGet(500_000L),
                () -> "0000", (runtime, sha, kind) -> provenance, () -> false);
    }

    /** Encodes in a fixed 0.8 ms of engine time; decodes as {@link GenerationSweepTest.FakeDecoder} does. */
    static final class FakeEngine implements Engine {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public ModelSession open(ModelRef model, EngineOptions options) {
            return new ModelSession() {
                @Override
                public ModelInfo info() {
                    return new ModelInfo("fake", "fake-runtime", "cpu", "FakeExecutionProvider", List.of("input_ids"), List.of("out"));
                }

                @Override
                public EncodeResult encode(TokenBatch batch) {
                    return new EncodeResult(new float[batch.size()][4], 800_000L);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public boolean runsDecoders() {
            return true;
        }

        @Override
        public GenerationSession openDecoder(ModelRef model, EngineOptions options) {
            return new GenerationSweepTest.FakeDecoder();
        }
    }

    static final MeasuredDevices MEASURED = new MeasuredDevices("Fake CPU", 2, null);

    static PlannedRun.Pricing pricing(Path project) {
        Profiles profiles = new Profiles(new ProjectLayout(project, project.resolve("cache")));
        // a fixed profile, not the fixture file (whose thread count is this machine's), so the golden report is the same everywhere
        HardwareProfile rented = new HardwareProfile.Rented("golden-rented", "2 vCPU at USD 2.99/h (golden test)", "test",
                java.time.LocalDate.of(2026, 11, 30), new java.math.BigDecimal("2.99"), null, null, 1, null, null, null, null, null, null,
                new HardwareProfile.Machine(null, 2, null));
        return new PlannedRun.Pricing(rented, profiles.rateCards(null), 1.0, ProfileChoice.matching("named for the test"));
    }

    @Test
    void anEmbeddingRunOnAFakeEngineGivesTheGoldenReport() throws IOException {
        Path project = TestProject.create(dir.resolve("project"));
        EmbeddingWorkload w = new EmbeddingWorkload("golden", "embedding", "fake-engine golden run", 32, List.of(1, 4), 2, 3, 0.01, 3,
                "bundled:default");
        Corpus corpus = Corpus.load(w.corpus(), project.resolve("profiles/workloads"));
        PackedBatches batches;
        try (HfTokenizer tokenizer = HfTokenizer.load(TestModels.miniLm().tokenizerFile())) {
            batches = new PackedBatches(corpus, tokenizer, w.sequenceLength());
        }
        FakeEngine engine = new FakeEngine();
        EngineOptions options = EngineOptions.defaults();
        PlannedRun plan = new PlannedRun("all-minilm-l6-v2-q", new EmbeddingTask(TestModels.miniLm(), w, batches, engine, options), w,
                engine.name(), options, List.of(), Duration.ofMillis(100), new PowerModel(1, 2, 0, 0, 1, "test model"), pricing(project),
                MEASURED);
        RunReport report = new Runner(fakeEnvironment()).run(plan, ProgressListener.NONE);
        assertMatchesGolden(report, "embedding-fake-run-v2.json", dir);
    }

    @Test
    void aGenerationRunOnAFakeEngineGivesTheGoldenReport() throws IOException {
        Path project = TestProject.create(dir.resolve("project"));
        DecoderModel model = DecoderModel.open(TestTwins.tinyQwen(dir), "fp32");
        GenerationWorkload w = new GenerationWorkload("golden-gen", "generation", "fake-engine golden run", List.of(2, 8), List.of(16),
                List.of(1, 5), 1, 3, "random", false, 1L);
        FakeEngine engine = new FakeEngine();
        EngineOptions options = EngineOptions.defaults();
        GenerationTask task = new GenerationTask(model, w, Prompts.random(model.vocabSize(), 1L), engine, options, 50e9,
                "stated for the test");
        PlannedRun plan = new PlannedRun("tiny-qwen", task, w, engine.name(), options, List.of(), Duration.ofMillis(100),
                new PowerModel(1, 2, 0, 0, 1, "test model"), pricing(project),
                MEASURED);
        RunReport report = new Runner(fakeEnvironment()).run(plan, ProgressListener.NONE);
        assertMatchesGolden(report, "generation-fake-run-v2.json", dir);
    }

    /** Compares the report's JSON, with {@code tmp} (where the test's files live) written as {@code TMP}, with the golden file. */
    static void assertMatchesGolden(RunReport report, String name, Path tmp) throws IOException {
        String actual = ReportJson.write(report).replace(System.lineSeparator(), "\n").replace(tmp.toString(), "TMP")
                .replace(TestModels.CACHE.toString(), "CACHE") + "\n";
        Path golden = Path.of("src/test/resources/golden/" + name);
        if (Boolean.getBoolean("unitcost.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                "the report of a deterministic run changed: review the diff, then rerun with -Dunitcost.updateGolden=true");
    }
}
