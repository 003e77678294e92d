package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link CostAnswer} as sections (a heading and its lines) and the duty-cycle table; the console
 * and Markdown formats lay them out. Every figure is the answer's own, only formatted.
 */
final class CostAnswerView {

    /** A heading with the lines under it (possibly none). */
    record Section(String heading, List<String> lines) {

        Section {
            lines = List.copyOf(lines);
        }
    }

    private final CostAnswer a;

    CostAnswerView(CostAnswer answer) {
        this.a = answer;
    }

    /** The answer as a document: the workload, the API bill, the self-hosted bill and saving, the duty-cycle sweep. */
    Document document() {
        Document d = new Document().title("Monthly cost");
        for (Section section : sections()) {
            d.heading(section.heading()).indentedLines(section.lines());
        }
        Table sweep = sweep();
        if (sweep != null) {
            d.heading(sweepHeading()).table(sweep);
        }
        CostExtrasView.addTo(d, a);
        return d.text(rounding());
    }

    List<Section> sections() {
        List<Section> s = new ArrayList<>();
        CostAnswer.WorkloadFigures w = a.workload();
        s.add(new Section(String.format(Locale.ROOT, "Workload: %s users x %s requests/day x %d days = %s requests/month",
                Figures.count(w.users()), Figures.count(w.requestsPerDay()), w.daysPerMonth(), Figures.count(w.requestsPerMonth())),
                List.of(String.format(Locale.ROOT, "tokens/month: %s input (%s per request), %s output (%s per request)",
                        Figures.count(w.inputTokensPerMonth()), Figures.count(w.inputTokensPerRequest()),
                        Figures.count(w.outputTokensPerMonth()), Figures.count(w.outputTokensPerRequest())))));
        s.add(api(a.api()));
        a.selfHosted().ifPresent(self -> {
            Section bill = selfHosted(self);
            // with a load curve this bill still sizes for a flat day; say so, or its saving reads as the contract's
            String flat = a.fleet().map(f -> ", sized for a flat day").orElse("");
            List<String> note = a.fleet().map(f -> List.of("the fleet sized for the load curve '" + f.curve()
                    + "' (its busiest hour, every hour paid) is below")).orElse(List.of());
            if (!flat.isEmpty()) {
                List<String> lines = new ArrayList<>(bill.lines());
                lines.add(1, "devices sized for a flat day (every hour alike); the load curve's fleet is below");
                bill = new Section(bill.heading(), lines);
            }
            s.add(bill);
            s.add(new Section(self.savingUsdPerMonth().signum() >= 0
                    ? "Saving with self-hosting" + flat + ": USD " + Figures.usdMonthly(self.savingUsdPerMonth()) + " per month"
                    : "Self-hosting" + flat + " costs USD " + Figures.usdMonthly(self.savingUsdPerMonth().negate()) + " more per month", note));
        });
        return s;
    }

    private static Section api(CostAnswer.ApiBill api) {
        List<String> lines = new ArrayList<>();
        api.flag().ifPresent(f -> lines.add("WARNING: the importer flagged this price: " + f));
        lines.add(String.format(Locale.ROOT, "prices per 1M tokens: input USD %s, output %s", api.usdPerMillionInput().toPlainString(),
                api.usdPerMillionOutput().map(o -> "USD " + o.toPlainString()).orElse("none")));
        lines.add("input   USD " + Figures.usdMonthly(api.inputUsdPerMonth()));
        lines.add("output  USD " + Figures.usdMonthly(api.outputUsdPerMonth()));
        lines.add("total   USD " + Figures.usdMonthly(api.totalUsdPerMonth()) + " per month");
        return new Section("API: " + api.label(), lines);
    }

    private static Section selfHosted(CostAnswer.SelfHostedBill self) {
        List<String> lines = new ArrayList<>();
        StringBuilder throughput = new StringBuilder("throughput per device: ").append(Figures.rate(self.inputTokensPerSecond()))
                .append(" input tokens/s");
        self.outputTokensPerSecond().ifPresent(o -> throughput.append(", ").append(Figures.rate(o)).append(" output tokens/s"));
        lines.add(throughput.append(" (").append(self.throughput()).append(')').toString());
        lines.add(String.format(Locale.ROOT, "devices needed: %d (each at most %s busy; on average %s)", self.devices(),
                Figures.percent(self.utilisation()), Figures.percent(self.averageUtilisation())));
        lines.add("per device-hour USD " + self.usdPerDeviceHour().toPlainString());
        lines.add("total   USD " + Figures.usdMonthly(self.totalUsdPerMonth()) + " per month");
        StringBuilder prices = new StringBuilder(String.format(Locale.ROOT, "per 1M tokens at %s utilisation: input USD %s",
                Figures.percent(self.utilisation()), self.usdPerMillionInput().toPlainString()));
        self.usdPerMillionOutput().ifPresent(o -> prices.append(", output USD ").append(o.toPlainString()));
        lines.add(prices.append(String.format(Locale.ROOT, ", blended %s:1 USD %s, blended 3:1 USD %s", Figures.ratio(self.inputPerOutput()),
                self.usdPerMillionBlended().toPlainString(), self.usdPerMillionBlended3to1().toPlainString())).toString());
        if (self.gCO2PerMillionInput().isPresent()) {
            StringBuilder carbon = new StringBuilder("carbon per 1M tokens: input ").append(Figures.grams(self.gCO2PerMillionInput()
                    .getAsDouble()));
            self.gCO2PerMillionOutput().ifPresent(g -> carbon.append(", output ").append(Figures.grams(g)));
            lines.add(carbon.toString());
        }
        lines.add("vs API for this mix: self-hosted/API = " + self.selfOverApi().map(r -> r.toPlainString()).orElse("n/a (API is free)"));
        if (self.breakEvenUtilisation().isPresent() && self.breakEvenTokensPerMonthPerDevice().isPresent()) {
            lines.add(String.format(Locale.ROOT, "break-even: self-hosting wins above %s utilisation, i.e. above %s tokens/month per device"
                    + " (capacity %s)", Figures.percent(self.breakEvenUtilisation().getAsDouble()),
                    Figures.count(self.breakEvenTokensPerMonthPerDevice().get()), Figures.count(self.tokensPerMonthPerDeviceCapacity())));
        } else {
            lines.add("break-even: none: a device always busy still costs more per token than the API");
        }
        return new Section("Self-hosted: " + self.basis(), lines);
    }

    /** The heading of {@link #sweep()}; null when no duty cycle was asked for. */
    String sweepHeading() {
        return a.sweep().isEmpty() ? null : "Self-hosted USD (and gCO2) per 1M tokens by duty cycle:";
    }

    /** Prices by duty cycle; null when no duty cycle was asked for. */
    Table sweep() {
        if (a.sweep().isEmpty()) {
            return null;
        }
        Table t = new Table(List.of("utilisation", "input", "output", "blended " + Figures.ratio(a.sweep().get(0).inputPerOutput()) + ":1",
                "blended 3:1", "gCO2 input", "gCO2 output"), List.of(true, true, true, true, true, true, true));
        for (CostAnswer.DutyCycle d : a.sweep()) {
            t.row(Figures.percent(d.utilisation()), d.usdPerMillionInput().toPlainString(),
                    d.usdPerMillionOutput().map(o -> o.toPlainString()).orElse("-"), d.usdPerMillionBlended().toPlainString(),
                    d.usdPerMillionBlended3to1().toPlainString(),
                    d.gCO2PerMillionInput().isPresent() ? Figures.grams(d.gCO2PerMillionInput().getAsDouble()) : "-",
                    d.gCO2PerMillionOutput().isPresent() ? Figures.grams(d.gCO2PerMillionOutput().getAsDouble()) : "-");
        }
        return t;
    }

    String rounding() {
        return a.rounding();
    }
}
