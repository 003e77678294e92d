package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.CostExtras;
import dev.unitcost.cost.RouteMix;
import dev.unitcost.cost.TextPrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The further answers of a {@link CostAnswer} (cached input, the load-curve fleet, the interval, routing mixes), added to its document. */
final class CostExtrasView {

    private CostExtrasView() {}

    static void addTo(Document d, CostAnswer a) {
        a.cachedInput().ifPresent(c -> d.heading("Cached input: " + Figures.percent(c.share()) + " of input tokens").indentedLines(List.of(
                "API: cached at USD " + Figures.usdExact(c.apiUsdPerMillionCachedInput()) + " per 1M; effective input price USD "
                        + Figures.usd(c.apiUsdPerMillionInputEffective()) + " per 1M (in the bill above)",
                c.prefillBasis().equals(CostExtras.CachedInput.NO_SELF_HOSTED) ? "self-hosted: none priced"
                        : "self-hosted: " + Figures.percent(c.prefillSaving()) + " of a cached token's prefill time saved, "
                                + c.prefillBasis() + " (in the self-hosted throughput)")));
        a.fleet().ifPresent(f -> fleet(d, f));
        a.interval().ifPresent(i -> d.heading(String.format(Locale.ROOT, "Self-hosted USD per 1M (blended) at %s utilisation, %s interval"
                + " over %d repetitions: %s to %s (mean %s)", Figures.percent(i.utilisation()), Figures.percent(i.confidence()), i.repetitions(), Figures.usd(i.lowUsdPerMillion()),
                Figures.usd(i.highUsdPerMillion()), Figures.usd(i.meanUsdPerMillion()))).indentedLines(List.of(
                "API for the same mix: USD " + Figures.usd(i.apiUsdPerMillionBlended()) + " per 1M",
                "verdict, per token at " + Figures.percent(i.utilisation()) + " utilisation (the monthly bill above counts whole devices): "
                        + i.verdictWords(), i.basis())));
        for (CostExtras.Routes r : a.routes()) {
            routes(d, r);
        }
        a.text().ifPresent(t -> text(d, t));
    }

    private static void text(Document d, TextPrices t) {
        Table table = new Table(List.of("side", "tokenizer", "tokens", "tokens/1k chars", "USD/1M tokens", "USD/1M characters",
                "USD/1M words"), List.of(false, false, true, true, true, true, true));
        List<String> notes = new ArrayList<>();
        for (var l : t.lines()) {
            table.row(l.side(), l.tokenizer() + (l.ownTokenizer() ? "" : " (stood in)"), Figures.count(l.tokens()),
                    String.format(Locale.ROOT, "%.1f", l.tokensPerThousandCharacters()), Figures.usd(l.usdPerMillionTokens()),
                    Figures.usd(l.usdPerMillionCharacters()), Figures.usd(l.usdPerMillionWords()));
            notes.add(l.side() + ": " + l.model() + (l.ownTokenizer() ? ", counted in its own tokenizer"
                    : ", no Java tokenizer for it here: " + l.tokenizer() + " stood in"));
        }
        d.heading(String.format(Locale.ROOT, "Per unit of text: %s (%s characters, %s %s), at the workload's mix", t.source(),
                Figures.count(t.characters()), Figures.count(t.words()), t.words() == 1 ? "word" : "words")).table(table);
        if (t.unspacedLetterShare() >= TextPrices.UNSPACED_WARNING) {
            notes.add(String.format(Locale.ROOT, "words are runs between spaces, but %s of this text's letters are in scripts written"
                    + " without spaces (Han, kana, Thai and the like): its per-word prices do not compare with spaced text; use per"
                    + " character", Figures.percent(t.unspacedLetterShare())));
        }
        d.indentedLines(notes);
    }

    private static void fleet(Document d, CostExtras.Fleet f) {
        List<String> lines = new ArrayList<>();
        lines.add(f.curveSource());
        lines.add(String.format(Locale.ROOT, "busiest hour %02d:00 carries %s of the day; at most %s busy then: %d device%s",
                f.peakHour(), Figures.percent(f.peakShare()), Figures.percent(f.utilisation()), f.devices(), f.devices() == 1 ? "" : "s"));
        lines.add("fleet month USD " + Figures.usdMonthly(f.usdPerMonth()) + " (USD " + f.usdPerDeviceHour().toPlainString()
                + " per device-hour, every hour paid)");
        lines.add("busy over the day: " + Figures.percent(f.achievedUtilisation()) + " of paid hours");
        lines.add(f.savingVersusApiUsdPerMonth().signum() >= 0
                ? "this fleet saves USD " + Figures.usdMonthly(f.savingVersusApiUsdPerMonth()) + " a month against the API"
                : "this fleet costs USD " + Figures.usdMonthly(f.savingVersusApiUsdPerMonth().negate()) + " a month more than the API");
        lines.add("effective USD " + Figures.usd(f.effectiveUsdPerMillion()) + " per 1M tokens at that utilisation");
        lines.add("busy-only USD " + Figures.usd(f.busyOnlyUsdPerMillion()) + " per 1M tokens: OPTIMISTIC, pays busy hours only"
                + " (usage-based cost almost always makes self-hosting look cheaper)");
        f.energy().ifPresent(e -> lines.add(String.format(Locale.ROOT, "energy: idle %s W per device x %d device%s x every hour = %s kWh"
                + " (USD %s), dynamic (%s - %s W) x busy device-hours = %s kWh (USD %s) per month, PUE included in the USD; idle watts: %s",
                Figures.count(e.idleWatts()), f.devices(), f.devices() == 1 ? "" : "s",
                Figures.count(e.idleKwhPerMonth()), Figures.usdMonthly(e.idleUsdPerMonth()), Figures.count(e.busyWatts()),
                Figures.count(e.idleWatts()), Figures.count(e.dynamicKwhPerMonth()), Figures.usdMonthly(e.dynamicUsdPerMonth()),
                e.idleWattsSource())));
        d.heading("Fleet sized for the load curve '" + f.curve() + "'").indentedLines(lines);
    }

    private static void routes(Document d, CostExtras.Routes r) {
        Table t = new Table(List.of("self share", "devices", "self USD/month", "API USD/month", "total USD/month", "vs all-API",
                "vs all-self"), List.of(true, true, true, true, true, true, true));
        for (RouteMix.Row row : r.rows()) {
            t.row(Figures.percent(row.selfShare()), Long.toString(row.devices()), Figures.usdMonthly(row.selfUsdPerMonth()),
                    Figures.usdMonthly(row.apiUsdPerMonth()), Figures.usdMonthly(row.totalUsdPerMonth()),
                    signed(row.versusAllApiUsdPerMonth()), signed(row.versusAllSelfUsdPerMonth()));
        }
        d.heading("Routing requests between " + r.model() + " (self-hosted) and the API").table(t);
        List<String> lines = new ArrayList<>();
        lines.add("all-API USD " + Figures.usdMonthly(r.allApiUsdPerMonth()) + " per month; all-self-hosted USD "
                + Figures.usdMonthly(r.allSelfUsdPerMonth()));
        lines.add(r.beatsApiAboveShare().map(s -> "the mix beats all-API above a self-hosted share of " + Figures.percent(s))
                .orElse("no share of self-hosting beats all-API"));
        lines.add("cheapest share " + Figures.percent(r.cheapestShare()) + ": USD " + Figures.usdMonthly(r.cheapestUsdPerMonth())
                + " per month" + (r.beatsBoth() ? ", cheaper than both all-API and all-self-hosted" : ""));
        lines.add("self-hosted throughput: " + r.throughput());
        d.indentedLines(lines);
    }

    private static String signed(java.math.BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + Figures.usdMonthly(v);
    }
}
