package dev.unitcost.result;

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

    /** An index line: enough to find and compare runs without opening every report. */
    record HistoryEntry(String runId, String startedAt, String task, String model, String engine, String hardwareProfile,
            String file, Double bestTokensPerSecond) {}
}
