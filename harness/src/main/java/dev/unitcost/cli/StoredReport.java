package dev.unitcost.cli;

import dev.unitcost.config.ProjectLayout;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of commands that read one stored report ({@code reprice}, {@code report}): a mixin. */
final class StoredReport {

    @Parameters(index = "0", paramLabel = "REPORT", description = "a report file, or a run id under the results directory")
    String report;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "where run ids are looked up (default: results/)")
    Path resultsDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true)
    Path projectDir;

    /** The project the command works in (profiles, rate cards, results). */
    ProjectLayout layout() {
        return CliChecks.layout(projectDir);
    }

    /** The report, any schema version this build reads. */
    RunReport load() {
        return new JsonResultStore(resultsDir != null ? resultsDir : layout().results()).load(report);
    }
}
