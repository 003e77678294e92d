package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.projection.DevicePhysics;
import dev.unitcost.projection.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Projection} as a document: what was projected and from what, the comparison table (one
 * device of each profile at its best point, cheapest first), then every point. Every figure is the
 * projection's own, only formatted; every heading says "projected".
 */
final class ProjectionView {

    private final Projection p;

    ProjectionView(Projection projection) {
        this.p = projection;
    }

    Document document() {
        Document d = new Document().title("Projected (not measured): " + p.model().name() + " " + p.model().format()
                + " on " + p.profiles().size() + " hardware profile(s)");
        d.indentedLines(inputs());
        d.heading("Projected cost, one device per profile, cheapest blended first").table(comparison());
        d.heading("Projected points").table(points());
        if (!p.checks().isEmpty()) {
            d.heading("Projected against measured on " + p.profiles().stream().map(Projection.ProfileProjection::profile).findFirst()
                    .orElse("-") + "'s device (error = projected / measured - 1)").table(checks());
        }
        return d.text(p.label());
    }

    private List<String> inputs() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "model: %s parameters (%s active), %s bytes/weight, weights %s GB, KV %s bytes/token/sequence",
                Figures.count(p.model().parameters()), Figures.count(p.model().activeParameters()),
                num(p.model().bytesPerWeight()), gb(p.model().weightBytes()), Figures.count(p.model().kvBytesPerTokenPerSequence())));
        lines.add("workload: " + p.workload());
        lines.add("efficiency: " + p.efficiency().source());
        lines.add("memory fit: " + p.usableMemorySource());
        for (Projection.ProfileProjection r : p.profiles()) {
            DevicePhysics d = r.physics();
            lines.add(String.format(Locale.ROOT, "%s: %s (%s), %s TB/s (%s), %s TFLOP/s (%s)%s", r.profile(), d.device(), d.kind(),
                    num(d.bandwidthBytesPerSecond() / 1e12), d.bandwidthSource(), num(d.peakFlopsPerSecond() / 1e12), d.flopsSource(),
                    r.efficiency().equals(p.efficiency()) ? "" : "; efficiency: " + r.efficiency().source()));
        }
        lines.add("break-even against: " + (p.api() == null ? "no API on the rate cards matched" : p.api()));
        return lines;
    }

    private Table comparison() {
        Table t = new Table(List.of("profile", "device", "batch", "in/out", "decode tok/s", "prefill tok/s", "TPOT ms", "TTFT ms",
                "max batch", "max context", "USD/1M in", "USD/1M out", "USD/1M blended", "API blended", "break-even tok/month"),
                List.of(false, false, true, true, true, true, true, true, true, true, true, true, true, true, true));
        for (Projection.ProfileProjection r : p.profiles()) {
            Projection.PointProjection b = r.best();
            String maxBatch = r.maxBatch() == null ? "memory unknown" : Figures.count(r.maxBatch());
            String maxContext = r.maxContextTokens() == null ? "memory unknown" : Figures.count(r.maxContextTokens());
            if (b == null) {
                t.row(r.profile(), r.physics().device(), "-", "-", "-", "-", "-", "-", maxBatch, maxContext,
                        "does not fit", "-", "-", "-", "-");
                continue;
            }
            PriceSheet.PointPrice price = r.prices().best();
            PriceSheet.ApiVerdict v = r.apiVerdict();
            t.row(r.profile(), r.physics().device(), Integer.toString(b.batchSize()), b.inputLength() + "/" + b.outputLength(),
                    Figures.rate(b.decodeTokensPerSecond()), Figures.rate(b.prefillTokensPerSecond()), num(b.tpotMillis()),
                    num(b.ttftMillis()), maxBatch, maxContext, Figures.usd(price.usdPerMillionInput()),
                    Figures.usd(price.usdPerMillionOutput()), Figures.usd(price.usdPerMillionBlended()),
                    v == null ? "-" : Figures.usd(v.apiUsdPerMillionBlended()),
                    v == null || v.breakEvenTokensPerMonth() == null ? "never" : Figures.count(v.breakEvenTokensPerMonth()));
        }
        return t;
    }

    private Table points() {
        Table t = new Table(List.of("profile", "batch", "in/out", "fits", "bound", "decode tok/s", "prefill tok/s", "TPOT ms", "TTFT ms"),
                List.of(false, true, true, false, false, true, true, true, true));
        for (Projection.ProfileProjection r : p.profiles()) {
            for (Projection.PointProjection q : r.points()) {
                t.row(r.profile(), Integer.toString(q.batchSize()), q.inputLength() + "/" + q.outputLength(), q.fits() ? "yes" : "no",
                        q.memoryBound() ? "memory" : "compute", Figures.rate(q.decodeTokensPerSecond()),
                        Figures.rate(q.prefillTokensPerSecond()), num(q.tpotMillis()), num(q.ttftMillis()));
            }
        }
        return t;
    }

    private Table checks() {
        Table t = new Table(List.of("run", "batch", "in/out", "decode tok/s projected", "measured", "error", "prefill tok/s projected",
                "measured", "error"), List.of(false, true, true, true, true, true, true, true, true));
        for (Projection.Check c : p.checks()) {
            t.row(c.run(), String.valueOf(c.batchSize()), c.inputLength() + "/" + c.outputLength(), num(c.projectedDecodeTokensPerSecond()),
                    num(c.measuredDecodeTokensPerSecond()), signed(c.decodeError()), num(c.projectedPrefillTokensPerSecond()),
                    num(c.measuredPrefillTokensPerSecond()), signed(c.prefillError()));
        }
        return t;
    }

    private static String signed(double fraction) {
        return (fraction >= 0 ? "+" : "") + Figures.percent(fraction);
    }

    private static String gb(double bytes) {
        return num(bytes / 1e9);
    }

    /** Three significant digits, without exponent. */
    private static String num(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
