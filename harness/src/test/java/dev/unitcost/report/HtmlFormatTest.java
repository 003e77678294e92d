package dev.unitcost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.compare.ReportComparison;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page: its sections, its charts (inline SVG, nothing fetched), the priced-as label, and escaping. */
class HtmlFormatTest {

    static final List<String> SECTIONS = List.of("header", "summary", "throughput", "latency", "prices", "break-even", "telemetry",
            "details", "definitions", "provenance");

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aPricedGenerationReportHasEverySectionAndAtLeastFiveCharts() throws IOException {
        String html = HtmlReports.html(HtmlReports.generationPricedAs());
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 100));
        assertTrue(html.trim().endsWith("</html>"));
        for (String id : SECTIONS) {
            assertTrue(html.contains(" id=\"" + id + "\""), "section " + id);
        }
        // decode and prefill throughput, TTFT/E2E, TPOT/ITL, prices, break-even, energy per phase
        assertTrue(count(html, "<svg") >= 5, "charts: " + count(html, "<svg"));
        assertEquals(count(html, "<svg"), count(html, "</svg>"));
        assertTrue(html.contains("PRICED AS rented-h100, MEASURED ON 2 CPU threads of AMD EPYC"), "priced-as label");
        assertTrue(html.contains("class=\"priced-as\""), "the label stands out");
        for (String definition : dev.unitcost.result.GenerationResult.METRICS.keySet()) {
            assertTrue(html.contains("<dt>" + HtmlPage.esc(definition) + "</dt>"), "definition of " + definition);
        }
    }

    @Test
    void nothingIsFetched() throws IOException {
        for (RunReport r : List.of(HtmlReports.generationPricedAs(), HtmlReports.embeddingPriced())) {
            String html = HtmlReports.withoutNamespaces(HtmlReports.html(r));
            assertFalse(html.contains("http://") || html.contains("https://"), "a URL outside the SVG namespaces");
            for (String fetching : List.of("<script", "<link", "<img", "<iframe", "@import")) {
                assertFalse(html.contains(fetching), fetching);
            }
            // references inside the SVGs (clip paths, gradients) point into the page itself
            assertFalse(Pattern.compile("url\\((?!#)|href=\"(?!#)").matcher(html).find(), "a reference outside the page");
        }
    }

    @Test
    void chartIdsAreUniqueWithinAPage() throws IOException {
        String html = HtmlReports.html(HtmlReports.generationPricedAs());
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            assertTrue(seen.add(m.group(1)), "id used twice: " + m.group(1));
        }
    }

    @Test
    void anEmbeddingReportHasItsChartsAndNoPricedAsLabel() throws IOException {
        String html = HtmlReports.html(HtmlReports.embeddingPriced());
        for (String id : SECTIONS) {
            assertTrue(html.contains(" id=\"" + id + "\""), "section " + id);
        }
        assertTrue(count(html, "<svg") >= 4, "throughput, latency, prices, break-even");
        assertTrue(html.contains("batch latency p99"));
        assertTrue(html.contains("hand emb"), "the embedding API");
        assertFalse(html.contains("hand big"), "chat APIs are not set against an embedding run");
        assertFalse(html.contains("PRICED AS"));
        assertTrue(html.contains("chosen for this machine: it prices H100 GPUs"));
    }

    @Test
    void anUnpricedReportSaysSo() throws IOException {
        String html = HtmlReports.html(RunReports.withPoint(8, 10_000, 1_000_000_000L));
        assertTrue(html.contains("not priced"));
        assertFalse(html.contains(" id=\"break-even\""));
    }

    @Test
    void namesFromTheInputStayText() throws IOException {
        String html = HtmlReports.html(HtmlReports.hostileNames());
        assertFalse(html.contains("<script"), "unescaped input");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, as text");
        assertTrue(html.contains("PRICED AS &lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void aComparisonIsATablePage() throws IOException {
        RunReport a = RunReports.withThroughputs("20261123T000000Z-a", 8, 1000, 1010, 990);
        RunReport b = RunReports.withThroughputs("20261123T000001Z-" + HtmlReports.SCRIPT, 8, 800, 810, 790);
        StringWriter out = new StringWriter();
        ReportFormats.byName("html").write(ReportComparison.compare(a, b, 0.05, 0.05), out);
        String html = out.toString();
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<table>"), html);
        assertFalse(html.contains("<script"));
    }

    @Test
    void severalReportsShareOnePageWithDistinctIds() throws IOException {
        StringWriter out = new StringWriter();
        ReportFormats.byName("html").writeAll(List.of(HtmlReports.generationPricedAs(), HtmlReports.embeddingPriced()), out);
        String html = out.toString();
        assertEquals(1, count(html, "<!DOCTYPE html>"));
        assertTrue(html.contains(" id=\"run1-break-even\"") && html.contains(" id=\"run2-break-even\""));
    }
}
