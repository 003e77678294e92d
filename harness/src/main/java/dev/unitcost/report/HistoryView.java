package dev.unitcost.report;

import dev.unitcost.result.HistoryListing;
import dev.unitcost.result.HistoryMetric;
import dev.unitcost.result.ResultStore.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The history listing as a title and one table: a run per row, oldest first, with the metric and
 * its change against the previous run of the same setup (fingerprint), both as the listing has them.
 */
final class HistoryView {

    private final HistoryListing h;

    HistoryView(HistoryListing listing) {
        this.h = listing;
    }

    Document document() {
        Document d = new Document().title(title());
        if (h.rows().isEmpty()) {
            return d.text("no runs recorded" + filters());
        }
        return d.table(table()).lines("note: ", List.of(
                "setup: the first characters of the run's fingerprint (model hash, engine and runtime, CPU, logical CPUs, GPUs, "
                        + "workload, priced profile); change is against the previous run of the same setup"));
    }

    String title() {
        HistoryMetric m = h.metric();
        return "History: " + m.label() + " (" + (m.higherIsBetter() ? "higher" : "lower") + " is better)" + filters();
    }

    private String filters() {
        List<String> f = new ArrayList<>();
        if (h.model() != null) {
            f.add("model " + h.model());
        }
        if (h.hardware() != null) {
            f.add("hardware " + h.hardware());
        }
        return f.isEmpty() ? "" : ", " + String.join(", ", f);
    }

    Table table() {
        Table t = new Table(List.of("started (UTC)", "run", "task", "model", "engine", "hardware", "setup", h.metric().label(), "change"),
                List.of(false, false, false, false, false, false, false, true, true));
        for (HistoryListing.Row row : h.rows()) {
            HistoryEntry e = row.entry();
            t.row(started(e.startedAt()), e.runId(), dash(e.task()), dash(e.model()), dash(e.engine()), dash(e.hardwareProfile()),
                    e.fingerprint() == null ? "-" : e.fingerprint().shortKey(), value(row, e), change(row));
        }
        return t;
    }

    private String value(HistoryListing.Row row, HistoryEntry e) {
        if (row.value() == null) {
            return "-";
        }
        return switch (h.metric()) {
            case TOKENS_PER_SECOND -> Figures.rate(row.value());
            case USD_PER_MILLION -> Figures.usd(e.usdPerMillion3to1());
            case JOULES_PER_TOKEN -> String.format(Locale.ROOT, "%.4g", row.value());
        };
    }

    private static String change(HistoryListing.Row row) {
        return row.change() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", row.change() * 100);
    }

    /** An ISO instant to the second, without the T and Z. */
    private static String started(String iso) {
        String s = iso.replace('T', ' ').replace("Z", "");
        return s.length() > 19 ? s.substring(0, 19) : s;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
