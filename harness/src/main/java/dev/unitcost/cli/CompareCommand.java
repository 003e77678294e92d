package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.compare.ReportComparison;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unitcost compare}: a candidate run against a baseline; exit 1 on a regression, for CI. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare a run with a baseline and fail (exit 1) when a figure regressed.",
            "",
            "Matching sweep points are compared on throughput (Welch's t-test over repetitions), latency percentiles, "
                    + "USD per 1M tokens (same hardware profile only) and joules per token (same method only). "
                    + "A figure regresses when it is worse by more than --threshold and the repetitions show it is real."
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "report file or run id (in the results directory)")
    String baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "report file or run id (in the results directory)")
    String candidate;

    @Option(names = "--threshold", defaultValue = "5", paramLabel = "PERCENT",
            description = "relative change that counts (default: ${DEFAULT-VALUE}%%)")
    double thresholdPercent;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "P",
            description = "significance level of the t-test (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where run ids are looked up (default: results/)")
    Path resultsDir;

    @Override
    public Integer call() {
        if (!(thresholdPercent >= 0 && thresholdPercent < 100)) {
            throw InputException.option("--threshold", "must be in [0, 100) percent, got " + thresholdPercent);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw InputException.option("--alpha", "must be in (0, 1), got " + alpha);
        }
        ReportFormat output = ReportFormats.byName(format);
        JsonResultStore store = new JsonResultStore(resultsDir != null ? resultsDir : ProjectLayout.detect().results());
        RunReport base = store.load(baseline);
        RunReport cand = store.load(candidate);
        Comparison result;
        try {
            result = ReportComparison.compare(base, cand, thresholdPercent / 100, alpha);
        } catch (IllegalArgumentException e) {
            throw new InputException("cannot compare " + baseline + " with " + candidate + ": " + e.getMessage(), e);
        }
        Output.write(spec.commandLine().getOut(), w -> output.write(result, w));
        return result.regressed() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }
}
