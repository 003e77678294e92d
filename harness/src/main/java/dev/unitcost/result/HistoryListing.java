package dev.unitcost.result;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored runs with one headline figure and its change against the previous run of the same
 * fingerprint, oldest first: what {@code unitcost history} shows.
 *
 * @param metric the figure followed
 * @param model only runs of this model, when not null
 * @param hardware only runs on this hardware profile, when not null
 * @param rows the runs that pass the filters (the last ones, when the listing was limited)
 */
public record HistoryListing(HistoryMetric metric, String model, String hardware, List<Row> rows) {

    public HistoryListing {
        rows = List.copyOf(rows);
    }

    /**
     * One run.
     *
     * @param value the metric; null when the run has none
     * @param previousRunId the previous run with the same fingerprint and a value; null when there is none
     * @param change (value − previous) / previous; null without a previous value or when that was zero
     */
    public record Row(HistoryEntry entry, Double value, String previousRunId, Double change) {}

    /**
     * The listing of {@code entries} (oldest first). Changes are taken against the whole history,
     * so a filter or a limit never changes a run's baseline.
     *
     * @param model keep runs whose model name equals this (ignoring case); null keeps every model
     * @param hardware keep runs whose hardware profile equals this (ignoring case); null keeps all
     * @param last keep only the last this many rows; null keeps all
     */
    public static HistoryListing of(List<HistoryEntry> entries, HistoryMetric metric, String model, String hardware, Integer last) {
        Map<String, HistoryEntry> previous = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Double value = metric.valueOf(e);
            String key = e.fingerprint() == null ? null : e.fingerprint().key();
            HistoryEntry before = key == null ? null : previous.get(key);
            Double change = null;
            if (value != null && before != null) {
                double was = metric.valueOf(before);
                change = was == 0 ? null : (value - was) / was;
            }
            if (value != null && key != null) {
                previous.put(key, e);
            }
            if (matches(model, e.model()) && matches(hardware, e.hardwareProfile())) {
                rows.add(new Row(e, value, before == null || value == null ? null : before.runId(), change));
            }
        }
        if (last != null && rows.size() > last) {
            rows = rows.subList(rows.size() - last, rows.size());
        }
        return new HistoryListing(metric, model, hardware, rows);
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
