package dev.unitcost.compare;

import dev.unitcost.InputException;
import dev.unitcost.result.ResultStore;
import dev.unitcost.result.RunReport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prior runs from a {@link ResultStore}: its history index is read newest first, runs of the same
 * task and engine are opened, and those with the same {@link RunFingerprint} are kept. A run listed
 * in the index whose report is gone, or an index line with an unreadable start time, is skipped.
 */
public final class StoredBaselines implements BaselineSource {

    private final ResultStore store;

    public StoredBaselines(ResultStore store) {
        this.store = store;
    }

    @Override
    public List<RunReport> lastN(RunFingerprint fingerprint, Instant before, int n) {
        List<ResultStore.HistoryEntry> entries = new ArrayList<>(store.history().stream()
                .filter(e -> fingerprint.task().equals(e.task()) && fingerprint.engine().equals(e.engine()))
                .filter(e -> e.runId() != null && startedBefore(e, before)).toList());
        entries.sort(Comparator.comparing((ResultStore.HistoryEntry e) -> Instant.parse(e.startedAt())).reversed());
        List<RunReport> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ResultStore.HistoryEntry e : entries) {
            if (found.size() == n) {
                break;
            }
            if (!seen.add(e.runId())) {
                continue; // saved twice: one run
            }
            RunReport r;
            try {
                r = store.load(e.runId());
            } catch (InputException gone) {
                continue;
            }
            if (RunFingerprint.of(r).equals(fingerprint)) {
                found.add(r);
            }
        }
        java.util.Collections.reverse(found);
        return found;
    }

    private static boolean startedBefore(ResultStore.HistoryEntry e, Instant before) {
        if (e.startedAt() == null) {
            return false;
        }
        try {
            return Instant.parse(e.startedAt()).isBefore(before);
        } catch (DateTimeParseException bad) {
            return false;
        }
    }
}
