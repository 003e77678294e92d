package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.cost.VolumeCosts;
import dev.unitcost.result.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run report as one HTML page: header, summary cards, charts (throughput, latency, prices,
 * break-even, telemetry), the text formats' tables, metric definitions and provenance. Every
 * figure is read from the report or computed by the cost package.
 */
final class RunReportHtml {

    private final RunReport report;
    private final ReportView view;
    private final SvgCharts charts;
    private final String idPrefix;

    /**
     * @param charts the page's chart writer (one per page, so that ids inside the SVGs are unique)
     * @param idPrefix before each section's id, so that several reports can share a page
     */
    RunReportHtml(RunReport report, SvgCharts charts, String idPrefix) {
        this.report = report;
        this.view = new ReportView(report);
        this.charts = charts;
        this.idPrefix = idPrefix;
    }

    /** The report alone on a page. */
    static String page(RunReport report) {
        RunReportHtml html = new RunReportHtml(report, new SvgCharts(), "");
        HtmlPage page = new HtmlPage(html.view.title());
        html.writeTo(page);
        return page.finish();
    }

    void writeTo(HtmlPage page) {
        header(page);
        cards(page);
        List<RunCharts.Chart> kindCharts = report.result().match(new RunCharts(charts));
        section(page, "throughput", "Throughput", kindCharts);
        section(page, "latency", "Latency", kindCharts);
        prices(page);
        breakEven(page);
        new TelemetryCharts(charts).write(page, report.header(), idPrefix + "telemetry");
        page.open("section", null, idPrefix + "details").element("h2", null, "Sweep, prices and APIs");
        page.document(view.document()).close("section");
        definitions(page);
        provenance(page);
    }

    private void header(HtmlPage page) {
        var h = report.header();
        var m = h.model();
        page.open("header", null, idPrefix + "header").element("h1", null, view.title());
        PriceSheet c = report.cost();
        if (c != null && c.measuredOn() != null) {
            page.element("p", "priced-as", "PRICED AS " + c.hardware().name() + ", MEASURED ON " + c.measuredOn()
                    + ": these prices are for that machine, not the one measured");
        }
        List<Document.Row> rows = new ArrayList<>();
        rows.add(new Document.Row("run", report.runId() + ", " + h.startedAt() + " to " + h.finishedAt()));
        rows.add(new Document.Row("model", m.name() + " (" + m.kind() + ", " + m.quantization() + ")"));
        rows.add(new Document.Row("engine", h.config().engine() + ", runtime " + m.session().runtimeVersion() + ", "
                + m.session().executionProvider() + " on " + m.session().device()));
        rows.add(new Document.Row("machine", view.context().get(0).substring("machine: ".length())));
        if (c != null) {
            rows.add(new Document.Row("hardware profile", c.hardware().name() + (c.choice() == null ? "" : ": " + c.choice().why())));
        } else {
            rows.add(new Document.Row("hardware profile", "not priced"));
        }
        page.rows(rows);
        if ("twin".equals(m.kind())) {
            page.element("p", "twin", "This run measured a shape twin (the real architecture with random weights): its speed is the "
                    + "real model's at forced output length; its outputs mean nothing.");
        }
        page.close("header");
    }

    private void cards(HtmlPage page) {
        page.open("section", null, idPrefix + "summary").element("h2", null, "Summary").open("div", "cards", null);
        PriceSheet c = report.cost();
        if (c == null) {
            card(page, "price", "not priced", "no hardware profile was applied");
            page.close("div").close("section");
            return;
        }
        PriceSheet.PointPrice best = c.best();
        String point = best.outputLength() == null ? "batch " + best.batchSize()
                : String.format(Locale.ROOT, "batch %d, %d in / %d out", best.batchSize(), best.inputLength(), best.outputLength());
        var endpoint = view.pricedEndpointPoint(c.bestPoint());
        if (endpoint != null) {
            // an endpoint point is a load: show the output rate the sweep table shows, and name the busy-split rates as the price's
            card(page, "throughput (cheapest point)", Figures.rate(endpoint.outputTokensPerSecond().median()) + " output tokens/s",
                    String.format(Locale.ROOT, "%s (%.1f requests in flight on average), mean %d in / %d out tokens per request; priced "
                            + "on busy time split by prefill share: %s output, %s prompt tokens per busy second", endpoint.label(),
                            endpoint.meanInFlight(), best.inputLength(), best.outputLength(), Figures.rate(best.outputTokensPerSecond()),
                            Figures.rate(best.inputTokensPerSecond())));
            card(page, "self-hosted USD per 1M input / output", Figures.usd(best.usdPerMillionInput()) + " / "
                    + Figures.usd(best.usdPerMillionOutput()), "blended 3:1: " + Figures.usd(best.usdPerMillionBlended3to1()) + " on "
                    + c.hardware().name() + " at utilisation " + Figures.percent(c.utilisation()));
        } else if (best.outputTokensPerSecond() == null) {
            card(page, "throughput (best point)", Figures.rate(best.inputTokensPerSecond()) + " tokens/s", point);
            card(page, "self-hosted USD per 1M tokens", Figures.usdExact(best.usdPerMillionInput()), "on " + c.hardware().name()
                    + " at utilisation " + Figures.percent(c.utilisation()));
        } else {
            card(page, "throughput (best point)", Figures.rate(best.outputTokensPerSecond()) + " output tokens/s",
                    point + "; prefill " + Figures.rate(best.inputTokensPerSecond()) + " prompt tokens/s");
            card(page, "self-hosted USD per 1M input / output", Figures.usd(best.usdPerMillionInput()) + " / "
                    + Figures.usd(best.usdPerMillionOutput()), "blended 3:1: " + Figures.usd(best.usdPerMillionBlended3to1()) + " on "
                    + c.hardware().name() + " at utilisation " + Figures.percent(c.utilisation()));
        }
        VolumeCosts.cheapestApi(c).ifPresentOrElse(
                a -> card(page, "cheapest " + report.result().apiMode() + " API", a.provider() + " " + a.model(),
                        "USD " + Figures.usd(a.apiUsdPerMillionBlended()) + " per 1M at this mix; " + Figures.verdict(a.ratio())),
                () -> card(page, "cheapest API", "none", "no rate card lists a " + report.result().apiMode() + " API"));
        page.close("div").close("section");
    }

    private static void card(HtmlPage page, String label, String value, String note) {
        page.open("div", "card", null).element("div", "label", label).element("div", "value", value).element("div", "note", note)
                .close("div");
    }

    private void section(HtmlPage page, String id, String heading, List<RunCharts.Chart> all) {
        List<RunCharts.Chart> mine = all.stream().filter(c -> c.section().equals(id)).toList();
        page.open("section", null, idPrefix + id).element("h2", null, heading);
        mine.forEach(c -> page.chart(c.caption(), c.svg()));
        page.close("section");
    }

    private void prices(HtmlPage page) {
        PriceSheet c = report.cost();
        if (c == null) {
            return;
        }
        Map<String, Double> byName = new LinkedHashMap<>();
        String self = "self-hosted: " + c.hardware().name();
        byName.put(self, c.best().usdPerMillionBlended().doubleValue());
        for (PriceSheet.ApiVerdict a : c.apis()) {
            String name = a.provider() + " " + a.model() + (a.flag() == null ? "" : " [FLAGGED]");
            byName.put(byName.containsKey(name) ? name + " (" + a.rateCardAsOf() + ")" : name, a.apiUsdPerMillionBlended().doubleValue());
        }
        Map<String, Double> values = new LinkedHashMap<>(); // cheapest first
        byName.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> values.put(e.getKey(), e.getValue()));
        String mix = c.best().outputLength() == null ? "input tokens" : "tokens blended at the best point's own input:output mix";
        page.open("section", null, idPrefix + "prices").element("h2", null, "Self-hosted against the " + report.result().apiMode() + " APIs");
        page.chart("USD per 1M " + mix + ": self-hosting (green) at the best point on " + c.hardware().name()
                + ", against every API of the run's mode (lavender).",
                charts.priceBars("Self-hosted and APIs, cheapest first", "USD per 1M tokens", values, List.of(self)));
        page.close("section");
    }

    private void breakEven(HtmlPage page) {
        PriceSheet c = report.cost();
        if (c == null) {
            return;
        }
        List<PriceSheet.ApiVerdict> apis = new ArrayList<>();
        VolumeCosts.cheapestApi(c).ifPresent(apis::add);
        VolumeCosts.midPricedApi(c).filter(a -> !apis.contains(a)).ifPresent(apis::add);
        double[] range = VolumeCosts.volumeRange(c, apis);
        List<SvgCharts.Point> steps = new ArrayList<>();
        for (VolumeCosts.Step s : VolumeCosts.selfHosted(c, range[1])) {
            if (s.toTokensPerMonth() >= range[0]) {
                steps.add(SvgCharts.Point.of(Math.max(s.fromTokensPerMonth(), range[0]), s.usdPerMonth().doubleValue()));
            }
        }
        steps.add(SvgCharts.Point.of(range[1], steps.get(steps.size() - 1).y()));
        List<SvgCharts.Series> lines = new ArrayList<>();
        for (PriceSheet.ApiVerdict a : apis) {
            lines.add(new SvgCharts.Series(a.provider() + " " + a.model(), List.of(
                    SvgCharts.Point.of(range[0], VolumeCosts.apiUsdPerMonth(a, range[0]).doubleValue()),
                    SvgCharts.Point.of(range[1], VolumeCosts.apiUsdPerMonth(a, range[1]).doubleValue()))));
        }
        page.open("section", null, idPrefix + "break-even").element("h2", null, "Break-even");
        page.chart(String.format(Locale.ROOT, "Monthly cost against monthly token volume (log scales). Self-hosted: USD %s per "
                + "device-month (720 h), one more device each %s tokens a month (the best point's throughput at utilisation %s); "
                + "the dashed lines are the cheapest and a mid-priced API.", Figures.usdMonthly(VolumeCosts.deviceUsdPerMonth(c)),
                Figures.count(VolumeCosts.tokensPerMonthPerDevice(c)), Figures.percent(c.utilisation())),
                charts.stepsAndLines("Monthly cost", "tokens per month", "USD per month",
                        new SvgCharts.Series("self-hosted on " + c.hardware().name(), steps), lines));
        page.close("section");
    }

    private void definitions(HtmlPage page) {
        page.open("section", null, idPrefix + "definitions").element("h2", null, "Metric definitions");
        List<Document.Row> rows = new ArrayList<>();
        new TreeMap<>(report.header().metricDefinitions()).forEach((k, v) -> rows.add(new Document.Row(k, v)));
        page.rows(rows).close("section");
    }

    private void provenance(HtmlPage page) {
        var p = report.header().provenance();
        var m = report.header().model();
        List<Document.Row> rows = new ArrayList<>();
        rows.add(new Document.Row("unitcost", p.unitcostVersion() + (p.gitCommit() == null ? "" : ", commit " + p.gitCommit())));
        rows.add(new Document.Row("runtimes", "ONNX Runtime " + p.onnxRuntimeVersion() + ", DJL " + p.djlVersion() + ", " + p.jvm()));
        rows.add(new Document.Row("machine", p.cpuModel() + ", " + p.physicalCores() + " physical / " + p.logicalCores()
                + " logical cores, " + p.os() + (p.gpuNames().isEmpty() ? "" : ", GPUs: " + String.join(", ", p.gpuNames()))));
        rows.add(new Document.Row("host", p.hostname()));
        rows.add(new Document.Row("model", m.name() + " from " + m.source() + ", " + Figures.count(m.onnxBytes()) + " bytes, sha256 "
                + p.modelSha256()));
        PriceSheet c = report.cost();
        if (c != null) {
            rows.add(new Document.Row("hardware profile source", c.hardware().source() + " (as of " + c.hardware().asOf() + ")"));
            rows.add(new Document.Row("hourly basis", c.hourlyBasis()));
            rows.add(new Document.Row("rounding", c.rounding()));
        }
        page.open("section", null, idPrefix + "provenance").element("h2", null, "Provenance").rows(rows).close("section");
    }
}
