package dev.unitcost.report;

import dev.unitcost.cost.ScenarioBill;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link ScenarioBill} as a document: the workload, the options' table (cheapest first), and where each throughput comes from. */
final class ScenarioBillView {

    private final ScenarioBill b;

    ScenarioBillView(ScenarioBill bill) {
        this.b = bill;
    }

    Document document() {
        Document d = new Document().title("Scenario " + b.name() + ": monthly bill of each option");
        var w = b.workload();
        List<String> lines = new ArrayList<>();
        if (b.description() != null) {
            lines.add(b.description());
        }
        lines.add(String.format(Locale.ROOT, "%s users x %s requests/day x %d days = %s requests/month; %s input and %s output tokens"
                + " per request", Figures.count(w.users()), Figures.count(w.requestsPerDay()), w.daysPerMonth(),
                Figures.count(w.requestsPerMonth()), Figures.count(w.inputTokensPerRequest()), Figures.count(w.outputTokensPerRequest())));
        lines.add("load curve: " + b.loadCurveSource() + "; fleets sized for the busiest hour at " + Figures.percent(b.utilisation())
                + " busy, paid for every hour");
        lines.add("source: " + b.source() + " (asOf " + b.asOf() + ")");
        d.heading("Workload").indentedLines(lines);
        Table t = new Table(List.of("option", "kind", "units x devices", "busy share", "USD/month", "USD/1M effective", "USD/1M busy-only",
                "vs cheapest API/month"), List.of(false, false, true, true, true, true, true, true));
        for (ScenarioBill.Option o : b.options()) {
            t.row(o.name(), o.kind(), o.units().map(u -> u + " x " + o.devicesPerUnit().orElse(1)).orElse("-"),
                    o.achievedUtilisation().map(Figures::percent).orElse("-"), Figures.usdMonthly(o.usdPerMonth()),
                    Figures.usd(o.usdPerMillionBlended()), o.busyOnlyUsdPerMillion().map(Figures::usd).orElse("-"),
                    o.versusCheapestApiUsdPerMonth().map(v -> (v.signum() > 0 ? "+" : "") + Figures.usdMonthly(v)).orElse("-"));
        }
        d.heading("Options, cheapest month first").table(t);
        List<String> bases = new ArrayList<>();
        for (ScenarioBill.Option o : b.options()) {
            bases.add(o.name() + ": " + o.basis() + o.throughput().map(x -> "; throughput " + x).orElse(""));
        }
        d.heading("How each option is priced").indentedLines(bases);
        d.text("USD/1M effective: the month over its tokens, every paid hour counted. USD/1M busy-only: busy device-hours alone,"
                + " the optimistic figure usage-based comparisons give. Self-hosted figures are hardware only (no staff, networking,"
                + " software).");
        return d.text(b.rounding());
    }
}
