package dev.unitcost.cli;

import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.HistoryListing;
import dev.unitcost.result.HistoryMetric;
import dev.unitcost.result.JsonResultStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unitcost history}: the stored runs, oldest first, with one headline figure and its change
 * against the previous run of the same setup (fingerprint). Reads the results history; writes
 * nothing but the history database, which it creates (importing an older index) on first use.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "List stored runs with a headline figure and its change against the previous run of the same setup.",
            "",
            "A setup is the run's fingerprint: model hash, engine and runtime version, CPU model, logical CPUs, GPUs, "
                    + "workload and the hardware profile it was priced on. Runs are read from results/history.db, "
                    + "which every stored run is recorded in."
        })
public final class HistoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", description = "only runs of this model (as the report names it)")
    String model;

    @Option(names = "--hardware", paramLabel = "NAME", description = "only runs on this hardware profile")
    String hardware;

    @Option(names = "--metric", defaultValue = "tokensPerSecond", paramLabel = "tokensPerSecond|usdPerMillion|joulesPerToken",
            description = "the figure to follow: the best point's tokens/s, its USD per 1M tokens at 3:1, or joules per token "
                    + "(default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--last", paramLabel = "N", description = "only the last N runs listed")
    Integer last;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|markdown|json", description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where runs are stored (default: results/)")
    Path resultsDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true)
    Path projectDir;

    @Override
    public Integer call() {
        if (last != null) {
            CliChecks.positive(last, "--last");
        }
        HistoryMetric m = HistoryMetric.byKey(metric);
        ReportFormat output = ReportFormats.byName(format);
        Path dir = resultsDir != null ? resultsDir : CliChecks.layout(projectDir).results();
        HistoryListing listing = HistoryListing.of(new JsonResultStore(dir).history(), m, model, hardware, last);
        Output.write(spec.commandLine().getOut(), w -> output.write(listing, w));
        return ExitCodes.OK;
    }
}
