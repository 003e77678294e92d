package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.telemetry.TelemetrySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a person reads from a report, as lines and tables, whatever its task; the console
 * and Markdown formats lay them out. Reads only the report.
 */
final class ReportView {

    private final RunReport report;
    private final SweepTables.Part part;

    ReportView(RunReport report) {
        this.report = report;
        this.part = report.result().match(new SweepTables(report));
    }

    /**
     * The report as a document: title and context, the sweep, the prices (with the profile and why),
     * the APIs of the task's mode, and what the machine did while it ran.
     */
    Document document() {
        List<String> context = new ArrayList<>();
        context.add("unitcost run " + report.runId());
        context.addAll(context());
        Document d = new Document().title(title()).lines("", context).table(sweep()).lines("", costLines()).table(prices());
        Table apis = apis();
        if (apis != null) {
            d.heading(apisHeading()).table(apis);
            report.bestPriceInterval().ifPresent(i -> d.lines("", List.of(String.format(Locale.ROOT,
                    "self-hosted blended USD/1M at that point: 95%% interval %s to %s (mean %s, %s); an API whose price lies"
                            + " inside it gets no verdict", Figures.usd(java.math.BigDecimal.valueOf(i.lowUsdPerMillion())),
                    Figures.usd(java.math.BigDecimal.valueOf(i.highUsdPerMillion())),
                    Figures.usd(java.math.BigDecimal.valueOf(i.meanUsdPerMillion())), i.basis()))));
        }
        return d.lines("telemetry: ", telemetryLines());
    }

    String title() {
        var m = report.header().model();
        if (report.result() instanceof EndpointResult e) {
            // a served model: its engine and quantisation are the server's, unknown here; say where it was measured instead
            return String.format(Locale.ROOT, "%s served at %s (server %s, %s)%s", e.servedModel(), e.endpoint(), e.server().server(),
                    e.local() ? "on this machine" : "remote", part.titleSuffix());
        }
        return String.format(Locale.ROOT, "%s (%s model, %s) on %s / %s%s", m.name(), m.kind(), m.quantization(),
                report.header().config().engine(), m.session().executionProvider(), part.titleSuffix());
    }

    List<String> context() {
        var p = report.header().provenance();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine: %s, %d logical cores, %.1f GiB, %s", p.cpuModel(), p.logicalCores(),
                p.memoryBytes() / (double) (1L << 30), p.os()));
        lines.addAll(part.context());
        lines.add("versions: unitcost " + p.unitcostVersion() + ", engine runtime " + report.header().model().session().runtimeVersion()
                + ", " + p.jvm() + (p.gitCommit() == null ? "" : ", commit " + p.gitCommit()));
        if ("twin".equals(report.header().model().kind())) {
            lines.add("NOTE: this run measured a shape twin (the real architecture with random weights): its speed is the real "
                    + "model's at forced output length; its outputs mean nothing.");
        }
        return lines;
    }

    Table sweep() {
        return part.sweep();
    }

    List<String> costLines() {
        PriceSheet c = report.cost();
        if (c == null) {
            return List.of("not priced");
        }
        List<String> lines = new ArrayList<>();
        if (c.measuredOn() != null) {
            lines.add("PRICED AS " + c.hardware().name() + ", MEASURED ON " + c.measuredOn()
                    + ": these prices are for that machine, not the one measured");
        }
        if (c.choice() != null) {
            lines.add("hardware profile: " + c.hardware().name() + ", " + c.choice().why());
        }
        lines.add(String.format(Locale.ROOT, "hardware: USD %s/h per device at utilisation %s: %s", c.usdPerHour().stripTrailingZeros()
                .toPlainString(), Figures.percent(c.utilisation()), c.hourlyBasis()));
        lines.add("hardware source: " + c.hardware().source());
        PriceSheet.PointPrice best = c.best();
        var endpoint = pricedEndpointPoint(c.bestPoint());
        if (endpoint != null) {
            lines.add(String.format(Locale.ROOT, "cheapest point at 3:1: %s (%.1f requests in flight on average), mean %d in / %d out "
                    + "tokens per request, USD %s per 1M tokens blended at 3:1", endpoint.label(), endpoint.meanInFlight(),
                    best.inputLength(), best.outputLength(), Figures.usd(best.usdPerMillionBlended3to1())));
            return lines;
        }
        lines.add(best.outputLength() == null
                ? String.format(Locale.ROOT, "cheapest point: batch %d at USD %s per 1M tokens", best.batchSize(),
                        Figures.usdExact(best.usdPerMillionInput()))
                : String.format(Locale.ROOT, "cheapest point at 3:1: batch %d, %d in / %d out, USD %s per 1M tokens blended at 3:1",
                        best.batchSize(), best.inputLength(), best.outputLength(), Figures.usd(best.usdPerMillionBlended3to1())));
        return lines;
    }

    /** Input, output and blended prices per point, for tasks that generate; null for input-only tasks (the sweep shows their price). */
    Table prices() {
        PriceSheet c = report.cost();
        if (c == null || c.points().stream().allMatch(p -> p.outputLength() == null)) {
            return null;
        }
        if (report.result() instanceof EndpointResult) {
            // an endpoint point is a load, not a batch: its price point's batch is the rounded mean in flight
            Table t = new Table(List.of("load", "in flight (mean)", "in/req (mean)", "out/req (mean)", "USD/1M input", "USD/1M output",
                    "blended (own mix)", "blended 3:1"), List.of(false, true, true, true, true, true, true, true));
            for (int i = 0; i < c.points().size(); i++) {
                PriceSheet.PointPrice p = c.points().get(i);
                EndpointPoint e = pricedEndpointPoint(i);
                t.row(e == null ? "-" : e.label(), e == null ? "-" : String.format(Locale.ROOT, "%.1f", e.meanInFlight()),
                        Integer.toString(p.inputLength()), String.valueOf(p.outputLength()), Figures.usd(p.usdPerMillionInput()),
                        Figures.usd(p.usdPerMillionOutput()), Figures.usd(p.usdPerMillionBlended()), Figures.usd(p.usdPerMillionBlended3to1()));
            }
            return t;
        }
        Table t = new Table(List.of("batch", "in", "out", "USD/1M input", "USD/1M output", "blended (own mix)", "blended 3:1"),
                List.of(true, true, true, true, true, true, true));
        for (PriceSheet.PointPrice p : c.points()) {
            t.row(Integer.toString(p.batchSize()), Integer.toString(p.inputLength()), String.valueOf(p.outputLength()),
                    Figures.usd(p.usdPerMillionInput()), Figures.usd(p.usdPerMillionOutput()), Figures.usd(p.usdPerMillionBlended()),
                    Figures.usd(p.usdPerMillionBlended3to1()));
        }
        return t;
    }

    /** The endpoint load point a price belongs to (prices follow the priced points' order); null for other kinds. */
    EndpointPoint pricedEndpointPoint(int priceIndex) {
        if (!(report.result() instanceof EndpointResult e)) {
            return null;
        }
        return priceIndex < 0 || priceIndex >= e.pricedPoints().size() ? null : e.pricedPoints().get(priceIndex);
    }

    String apisHeading() {
        return report.result().apiMode().equals("embedding")
                ? "The same tokens at embedding APIs (input price, against the cheapest point):"
                : "The same token mix at chat APIs (against the point cheapest at 3:1, blended at that point's own mix):";
    }

    /** Every API of the task's mode against the best point; null when there is none. */
    Table apis() {
        PriceSheet c = report.cost();
        if (c == null || c.apis().isEmpty()) {
            return null;
        }
        Table t = new Table(List.of("provider", "model", "API in/out USD/1M", "API blended", "rate card", "verdict",
                "break-even tokens/month"), List.of(false, false, true, true, false, false, true));
        var interval = report.bestPriceInterval();
        for (PriceSheet.ApiVerdict a : c.apis()) {
            String price = a.apiUsdPerMillionInput().toPlainString()
                    + (a.apiUsdPerMillionOutput() == null ? "" : " / " + a.apiUsdPerMillionOutput().toPlainString());
            // "cheaper" only when the API's price lies outside the 95% interval of ours
            boolean inside = interval.isPresent()
                    && interval.get().against(a.apiUsdPerMillionBlended()) == dev.unitcost.cost.PriceInterval.Verdict.NO_VERDICT;
            t.row(a.provider(), a.model() + (a.flag() == null ? "" : " [FLAGGED]"), price, Figures.usd(a.apiUsdPerMillionBlended()),
                    a.rateCardAsOf().toString(), inside ? "no verdict (within our 95% interval)" : Figures.verdict(a.ratio()),
                    a.breakEvenTokensPerMonth() == null ? "never" : String.format(Locale.ROOT, "%,.0f", a.breakEvenTokensPerMonth()));
        }
        return t;
    }

    List<String> telemetryLines() {
        List<String> lines = new ArrayList<>();
        for (TelemetrySummary s : report.header().telemetry()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s every %d ms, %d samples, sampler overhead %s of one core",
                    s.sampler(), s.intervalNanos() / 1_000_000, s.sampleCount(), Figures.percent(s.samplerOverheadFraction())));
            var cpu = s.series().get("processCpuNanos");
            // for an endpoint run the process is the measuring client, not the server
            String process = report.result() instanceof EndpointResult ? "the unitcost client process" : "process";
            long duration = s.timeline().isEmpty() ? 0 : s.timeline().get(s.timeline().size() - 1).offsetNanos();
            if (cpu != null && duration > 0) {
                line.append(String.format(Locale.ROOT, "; %s used %.2f cores on average", process, (cpu.max() - cpu.min()) / duration));
            }
            var rss = s.series().get("processRssBytes");
            if (rss != null) {
                line.append(String.format(Locale.ROOT, "; %speak RSS %.0f MiB", "process".equals(process) ? "" : "client ",
                        rss.max() / (1 << 20)));
            }
            lines.add(line.toString());
        }
        var e = report.header().energy();
        if (e != null) {
            lines.add(e.summary());
            e.devices().stream().filter(d -> d.method() == dev.unitcost.telemetry.EnergyMethod.ESTIMATED).findFirst()
                    .ifPresent(d -> lines.add("estimated energy basis: " + d.basis()));
        }
        return lines;
    }
}
