package dev.unitcost.report;

import dev.unitcost.result.Fingerprint;
import dev.unitcost.result.GateOutcome;
import dev.unitcost.result.HistoryMetric;
import dev.unitcost.result.HistoryTrend;
import dev.unitcost.result.ResultStore.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history's trends as one self-contained HTML page ({@code unitcost history --html}): for each
 * {@link HistoryMetric}, a chart with one line over time per setup, the runs where the nightly gate
 * fired circled in red with a note; then the setups and every recorded gate outcome as tables.
 * Charts come from {@link SvgCharts}, text goes through {@link HtmlPage}; nothing is fetched.
 */
public final class HistoryTrendHtml {

    private final HistoryTrend trend;
    private final SvgCharts charts = new SvgCharts();
    private final Map<String, String> setupOfRun = new HashMap<>();

    private HistoryTrendHtml(HistoryTrend trend) {
        this.trend = trend;
        for (HistoryTrend.Setup s : trend.setups()) {
            s.runs().forEach(r -> setupOfRun.put(r.entry().runId(), s.fingerprint().shortKey()));
        }
    }

    /** The page for {@code trend}. */
    public static String page(HistoryTrend trend) {
        return new HistoryTrendHtml(trend).write();
    }

    private String write() {
        HtmlPage page = new HtmlPage("unitcost history: trends");
        page.open("section", null, "summary").element("h1", null, "History: trends" + filters()).element("p", null, summary());
        if (trend.runsWithoutSetup() > 0) {
            page.element("p", null, trend.runsWithoutSetup() + " run(s) left out: the history has no fingerprint for them "
                    + "(imported from an index whose report is gone)");
        }
        page.close("section");
        for (HistoryMetric m : HistoryMetric.values()) {
            metric(page, m);
        }
        setups(page);
        gates(page);
        return page.finish();
    }

    private String summary() {
        long runs = trend.setups().stream().mapToLong(s -> s.runs().size()).sum();
        long fired = trend.setups().stream().flatMap(s -> s.runs().stream()).filter(HistoryTrend.Run::fired).count();
        return String.format(Locale.ROOT, "%d run(s) in %d setup(s); %d gate outcome(s) recorded; the gate fired on %d run(s). "
                + "A setup is a fingerprint: model hash, engine and runtime, CPU, logical CPUs, GPUs, workload and priced profile.",
                runs, trend.setups().size(), trend.gates().size(), fired);
    }

    private void metric(HtmlPage page, HistoryMetric m) {
        String heading = m.label() + " (" + (m.higherIsBetter() ? "higher" : "lower") + " is better)";
        page.open("section", null, "trend-" + m.key()).element("h2", null, heading);
        List<SvgCharts.Series> series = new ArrayList<>();
        List<SvgCharts.Mark> marks = new ArrayList<>();
        List<String> firedNotes = new ArrayList<>();
        for (HistoryTrend.Setup s : trend.setups()) {
            List<SvgCharts.Point> points = new ArrayList<>();
            for (HistoryTrend.Run r : s.runs()) {
                Double v = m.valueOf(r.entry());
                if (v == null) {
                    continue;
                }
                double x = Instant.parse(r.entry().startedAt()).toEpochMilli();
                points.add(SvgCharts.Point.of(x, v));
                if (r.fired()) {
                    marks.add(new SvgCharts.Mark(x, v, "gate fired: " + r.entry().runId()));
                    firedNotes.add("gate fired on run " + r.entry().runId() + " (setup " + s.fingerprint().shortKey() + ", started "
                            + started(r.entry().startedAt()) + "): " + value(m, r.entry(), v) + " " + m.label());
                }
            }
            if (!points.isEmpty()) {
                series.add(new SvgCharts.Series(seriesName(s), points));
            }
        }
        if (series.isEmpty()) {
            page.element("p", null, "no run in the history has this figure").close("section");
            return;
        }
        page.chart(heading + " over time: one line per setup; a red circle marks a run on which the nightly gate fired "
                + "(compare found a regression).", charts.trend(m.label(), m.label(), series, marks));
        page.list(firedNotes).close("section");
    }

    private void setups(HtmlPage page) {
        Table t = new Table(List.of("setup", "model", "engine", "runtime", "CPU", "logical CPUs", "GPUs", "workload", "priced on", "runs",
                "first (UTC)", "last (UTC)"), List.of(false, false, false, false, false, true, false, false, false, true, false, false));
        for (HistoryTrend.Setup s : trend.setups()) {
            Fingerprint f = s.fingerprint();
            t.row(f.shortKey(), dash(s.model()), dash(f.engine()), dash(f.runtimeVersion()), dash(f.cpuModel()),
                    Integer.toString(f.logicalCpus()), f.gpuNames().isEmpty() ? "-" : String.join(", ", f.gpuNames()), dash(f.workload()),
                    dash(f.hardwareProfile()), Integer.toString(s.runs().size()), started(s.runs().get(0).entry().startedAt()),
                    started(s.runs().get(s.runs().size() - 1).entry().startedAt()));
        }
        page.open("section", null, "setups").element("h2", null, "Setups").table(t).close("section");
    }

    private void gates(HtmlPage page) {
        page.open("section", null, "gates").element("h2", null, "Gate outcomes");
        if (trend.gates().isEmpty()) {
            page.element("p", null, "no gate outcome recorded: unitcost compare records one when it judges a run stored in the results "
                    + "directory").close("section");
            return;
        }
        Table t = new Table(List.of("decided (UTC)", "candidate run", "setup", "baseline", "verdict", "exit code", "regressed figures"),
                List.of(false, false, false, false, false, true, false));
        for (GateOutcome.Recorded g : trend.gates()) {
            GateOutcome o = g.outcome();
            t.row(started(o.decidedAt().toString()), g.candidateRunId(), dash(setupOfRun.get(g.candidateRunId())), o.baseline(),
                    o.verdictText(), Integer.toString(o.exitCode()), o.regressedFigures().isEmpty() ? "-" : String.join("; ", o.regressedFigures()));
        }
        page.table(t).close("section");
    }

    private String filters() {
        List<String> f = new ArrayList<>();
        if (trend.model() != null) {
            f.add("model " + trend.model());
        }
        if (trend.hardware() != null) {
            f.add("hardware " + trend.hardware());
        }
        return f.isEmpty() ? "" : ", " + String.join(", ", f);
    }

    /** The legend entry: unique per setup, because it ends with the setup's key. */
    private static String seriesName(HistoryTrend.Setup s) {
        Fingerprint f = s.fingerprint();
        return String.join(" · ", dash(s.model()), dash(f.engine()), dash(f.workload()), f.shortKey());
    }

    private static String value(HistoryMetric m, HistoryEntry e, double v) {
        return switch (m) {
            case TOKENS_PER_SECOND -> Figures.rate(v);
            case USD_PER_MILLION -> Figures.usd(e.usdPerMillion3to1());
            case JOULES_PER_TOKEN -> String.format(Locale.ROOT, "%.4g", v);
        };
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
