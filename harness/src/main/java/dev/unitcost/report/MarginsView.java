package dev.unitcost.report;

import dev.unitcost.cost.ImpliedMargins;
import java.util.List;

/** {@link ImpliedMargins} as a document: one line per provider entry, then every assumption behind them. */
final class MarginsView {

    private final ImpliedMargins m;

    MarginsView(ImpliedMargins margins) {
        this.m = margins;
    }

    Document document() {
        Document d = new Document().title("Implied provider gross margins on " + m.hardware() + " at " + Figures.percent(m.utilisation())
                + " utilisation");
        Table t = new Table(List.of("provider/model", "asOf", "shape", "throughput", "in tok/s", "out tok/s", "API in/out", "API 3:1",
                "ours 3:1", "margin 3:1", "margin in", "margin out"),
                List.of(false, false, false, false, true, true, true, true, true, true, true, true));
        for (ImpliedMargins.Line l : m.lines()) {
            t.row(l.provider() + "/" + l.model(), l.rateCardAsOf().toString(), l.preset(), l.projected() ? "projected" : "measured",
                    Figures.rate(l.inputTokensPerSecond()), Figures.rate(l.outputTokensPerSecond()),
                    Figures.usdExact(l.apiUsdPerMillionInput()) + "/" + Figures.usdExact(l.apiUsdPerMillionOutput()),
                    Figures.usd(l.apiUsdPerMillionBlended3to1()), Figures.usd(l.selfUsdPerMillionBlended3to1()), margin(l.impliedGrossMargin3to1()),
                    margin(l.impliedGrossMarginInput()), margin(l.impliedGrossMarginOutput()));
        }
        d.heading("USD per 1M tokens; margin = 1 - ours / theirs").table(m.lines().isEmpty() ? null : t);
        if (m.lines().isEmpty()) {
            d.text("No rate-card entry has a shape we can price here.");
        }
        if (!m.withoutShape().isEmpty()) {
            d.heading("Open-weight entries left out (no twin preset for their shape, or it does not fit)").indentedLines(m.withoutShape());
        }
        d.heading("Assumptions").indentedLines(m.assumptions());
        d.lines("", List.of("one device-hour: " + m.hourlyBasis()));
        return d.text(m.rounding());
    }

    private static String margin(Double v) {
        return v == null ? "n/a" : Figures.percent(v);
    }
}
