package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.report.HistoryTrendHtml;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.History;
import dev.unitcost.result.HistoryListing;
import dev.unitcost.result.HistoryMetric;
import dev.unitcost.result.HistoryTrend;
import dev.unitcost.result.JsonResultStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unitcost history}: the stored runs, oldest first, with one headline figure and its change
 * against the previous run of the same setup (fingerprint). Reads the results history; writes
 * nothing but the history database, which it creates (importing an older index) on first use, and,
 * with {@code --html}, the trend page.
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

    @Option(names = "--html", description = "write a self-contained trend page instead: one chart per figure, a line per setup over time, "
            + "the runs where the compare gate fired marked")
    boolean html;

    @Option(names = "--out", paramLabel = "FILE", description = "where --html writes its page (default: RESULTS_DIR/history.html)")
    Path out;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where runs are stored (default: results/)")
    Path resultsDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true)
    Path projectDir;

    @Override
    public Integer call() {
        Path dir = resultsDir != null ? resultsDir : CliChecks.layout(projectDir).results();
        if (html || out != null) {
            return trendPage(dir);
        }
        if (last != null) {
            CliChecks.positive(last, "--last");
        }
        HistoryMetric m = HistoryMetric.byKey(metric);
        ReportFormat output = ReportFormats.byName(format);
        HistoryListing listing = HistoryListing.of(new JsonResultStore(dir).history(), m, model, hardware, last);
        Output.write(spec.commandLine().getOut(), w -> output.write(listing, w));
        return ExitCodes.OK;
    }

    private Integer trendPage(Path dir) {
        if (!html) {
            throw InputException.option("--out", "is used by --html only; add --html");
        }
        var parsed = spec.commandLine().getParseResult();
        for (String listingOnly : List.of("--metric", "--last", "--format")) {
            if (parsed.hasMatchedOption(listingOnly)) {
                throw InputException.option(listingOnly, "is for the listing; --html charts every figure");
            }
        }
        HistoryTrend trend;
        try (History history = History.open(dir)) {
            trend = HistoryTrend.of(history.entries(), history.gates(), model, hardware);
        }
        Path file = out != null ? out : dir.resolve("history.html");
        ReportCommand.writeAtomically(file, HistoryTrendHtml.page(trend));
        spec.commandLine().getOut().println(file);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
