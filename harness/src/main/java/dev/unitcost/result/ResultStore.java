package dev.unitcost.result;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** Where reports are kept. Implementations write atomically: a reader never sees half a report. */
public interface ResultStore {

    /** Stores the report and returns where it went. */
    Path save(RunReport report);

    /** Loads a stored report by run id or path. */
    RunReport load(String runIdOrPath);

    /** One line per stored run, oldest first. */
    List<HistoryEntry> history();

    /**
     * A history line: enough to find and compare runs without opening every report. Figures are
     * the report's own, copied; null where the report has none.
     *
     * @param startedAt ISO-8601 instant (UTC)
     * @param task the task kind ({@code embedding}, {@code generation})
     * @param hardwareProfile the profile it was priced on, else the one its configuration named
     * @param file the report's file name, relative to the results directory
     * @param bestTokensPerSecond the best point's decode rate when it generates, else its input rate; for an endpoint run,
     *     its highest measured output rate
     * @param workload the workload's name
     * @param usdPerMillion3to1 the best point's blended price at three input tokens per output token; null when not priced
     * @param joulesPerToken the run's joules per token over its devices; null without an energy figure
     * @param fingerprint what makes runs comparable; null for a line migrated from an index whose report is gone
     */
    record HistoryEntry(String runId, String startedAt, String task, String model, String engine, String hardwareProfile,
            String file, Double bestTokensPerSecond, String workload, BigDecimal usdPerMillion3to1, Double joulesPerToken,
            Fingerprint fingerprint) {}
}
