package dev.unitcost.cli;

import dev.unitcost.config.ProjectLayout;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import dev.unitcost.run.PlannedRun;
import dev.unitcost.run.ProgressListener;
import dev.unitcost.run.RunEnvironment;
import dev.unitcost.run.RunOptions;
import dev.unitcost.run.RunPlanner;
import dev.unitcost.run.Runner;
import dev.unitcost.synth.TwinCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Runs a stored report's configuration again, on this machine and build, at some of its batch
 * sizes: for {@code compare --remeasure}, which measures regressed points again before it calls them
 * regressed. The runs are not stored: they are the evidence of one comparison.
 */
final class Remeasure {

    private final ProjectLayout layout;
    private final ProgressListener progress;

    Remeasure(ProjectLayout layout, ProgressListener progress) {
        this.layout = layout;
        this.progress = progress;
    }

    /** Whether two runs were made with the same configuration (engine and its settings, model, workload). */
    static boolean sameConfiguration(RunReport a, RunReport b) {
        RunConfig x = a.header().config();
        RunConfig y = b.header().config();
        return Objects.equals(x.engine(), y.engine()) && Objects.equals(x.engineOptions(), y.engineOptions())
                && Objects.equals(x.model(), y.model()) && Objects.equals(x.workload(), y.workload());
    }

    /** {@code report}'s configuration measured again at {@code batchSizes} (all when empty). */
    RunReport measure(RunReport report, List<Integer> batchSizes) {
        RunConfig c = report.header().config();
        Path workload = workloadFile(report);
        boolean decoderDirectory = report.result() instanceof GenerationResult && !TwinCache.isReference(c.model());
        var e = c.engineOptions();
        RunOptions options = new RunOptions(c.model(), workload.toString(), decoderDirectory ? report.header().model().quantization() : null,
                e.device(), e.fallbackToCpu(), null, null, null, null, c.engine(), batchSizes.isEmpty() ? null : batchSizes, null, null, null,
                null, e.intraOpThreads(), e.allowSpinning(), e.optimizationLevel(), 1.0, c.sampleIntervalMillis(), null);
        List<PlannedRun> plans = new RunPlanner(layout, options, progress).plan();
        try {
            return new Runner(RunEnvironment.system(layout.root(), () -> false)).run(plans.get(0), progress);
        } finally {
            try {
                Files.deleteIfExists(workload);
                Files.deleteIfExists(workload.getParent());
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** The workload as the report ran it (overrides applied), as a file the planner reads (JSON is YAML). */
    private static Path workloadFile(RunReport report) {
        try {
            Path dir = Files.createTempDirectory("unitcost-remeasure");
            return Files.writeString(dir.resolve("workload.yaml"), ReportJson.write(report.header().config().workload()),
                    StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the workload to re-measure with", ex);
        }
    }
}
