package dev.unitcost.report;

import dev.unitcost.cost.GenerationReports;
import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.RateCard;
import dev.unitcost.result.ModelFacts;
import dev.unitcost.result.RunHeader;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Hand-built reports for the HTML format's tests, and the page each gives. */
final class HtmlReports {

    static final String SCRIPT = "<script>alert(1)</script>";

    static final List<RateCard> CARDS = List.of(new RateCard("hand", "hand", LocalDate.of(2026, 7, 24), List.of(
            new RateCard.ApiPrice("big", "chat", new BigDecimal("15"), new BigDecimal("75"), null, null, null, null),
            new RateCard.ApiPrice("mid", "chat", new BigDecimal("1"), new BigDecimal("4"), null, null, null, null),
            new RateCard.ApiPrice("small", "chat", new BigDecimal("0.1"), new BigDecimal("0.4"), null, null, null, null),
            new RateCard.ApiPrice("emb", "embedding", new BigDecimal("0.02"), null, null, null, null, null))));

    private HtmlReports() {}

    /** Two generation points, with measured energy, priced as an H100 though measured on two AMD EPYC threads. */
    static RunReport generationPricedAs() {
        RunReport r = GenerationReports.withEnergy(GenerationReports.report(
                GenerationReports.point(1, 1000, 101, 100_000_000L, 1_000_000_000L),
                GenerationReports.point(8, 1000, 101, 500_000_000L, 1_000_000_000L)), 150);
        return r.priced(PricedAsFormatsTest.H100, CARDS, 0.5,
                ProfileChoice.pricedAs(PricedAsFormatsTest.H100, new MeasuredDevices("AMD EPYC", 2, null)));
    }

    /** One embedding point priced on a profile that matches. */
    static RunReport embeddingPriced() {
        return RunReports.withPoint(8, 10_000, 1_000_000_000L).priced(PricedAsFormatsTest.H100, CARDS, 1.0,
                ProfileChoice.matching("chosen for this machine: it prices H100 GPUs"));
    }

    /** A generation report whose model, profile and an API are all named {@link #SCRIPT}. */
    static RunReport hostileNames() {
        RunReport r = GenerationReports.report(GenerationReports.point(4, 100, 11, 100_000_000L, 1_000_000_000L));
        RunHeader h = r.header();
        ModelFacts m = h.model();
        ModelFacts named = new ModelFacts(SCRIPT, m.kind(), m.quantization(), m.onnxBytes(), SCRIPT, m.session());
        RunHeader header = new RunHeader(h.runId(), h.startedAt(), h.finishedAt(), h.config(), h.provenance(), named,
                h.metricDefinitions(), h.telemetry(), h.energy());
        HardwareProfile hw = new HardwareProfile.Rented(SCRIPT, null, SCRIPT, LocalDate.of(2026, 11, 30), new BigDecimal("2.99"), null,
                null, 1, null, null, null, null, null, null, new HardwareProfile.Machine(null, null, "H100"));
        List<RateCard> cards = List.of(new RateCard(SCRIPT, "hand", LocalDate.of(2026, 7, 24), List.of(
                new RateCard.ApiPrice(SCRIPT, "chat", new BigDecimal("1"), new BigDecimal("4"), null, null, null, null))));
        return r.withHeader(header).priced(hw, cards, 1.0, ProfileChoice.pricedAs(hw, new MeasuredDevices(SCRIPT, 2, null)));
    }

    static String html(RunReport r) throws IOException {
        StringWriter out = new StringWriter();
        ReportFormats.byName("html").write(r, out);
        return out.toString();
    }

    /** The page with the XML namespace declarations of its SVG elements taken out. */
    static String withoutNamespaces(String html) {
        return html.replaceAll("xmlns(:\\w+)?=[\"'][^\"']*[\"']", "");
    }
}
