package dev.unitcost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.result.Fingerprint;
import dev.unitcost.result.GateOutcome;
import dev.unitcost.result.HistoryTrend;
import dev.unitcost.result.ResultStore.HistoryEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The trend page: one chart per figure with data, the fired run marked, text escaped, nothing fetched. */
class HistoryTrendHtmlTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Fingerprint SETUP = new Fingerprint("ab", "ort", "1.23.2", "cpu", 2, List.of(), "w", "rent-299");

    private static HistoryEntry entry(String runId, int day, double tokensPerSecond, String usd, Double joules) {
        return new HistoryEntry(runId, Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * day).toString(), "embedding", SCRIPT,
                "ort", "rent-299", runId + ".json", tokensPerSecond, "w", usd == null ? null : new BigDecimal(usd), joules, SETUP);
    }

    private static String page(boolean withEnergy) {
        List<HistoryEntry> entries = List.of(entry("n1", 0, 1000, "0.0300", withEnergy ? 0.20 : null),
                entry("n2", 1, 1010, "0.0297", withEnergy ? 0.21 : null), entry("n3", 2, 700, "0.0429", withEnergy ? 0.30 : null));
        GateOutcome fired = new GateOutcome("run n2", GateOutcome.Verdict.REGRESSION, 1,
                List.of("batch 8 tokensPerSecond: 1010 → 700 (-30.7%)"), null, Instant.parse("2026-11-03T03:00:00Z"));
        GateOutcome passed = new GateOutcome("run n1", GateOutcome.Verdict.NO_REGRESSION, 0, List.of(), null,
                Instant.parse("2026-11-02T03:00:00Z"));
        return HistoryTrendHtml.page(HistoryTrend.of(entries, List.of(new GateOutcome.Recorded("n2", passed),
                new GateOutcome.Recorded("n3", fired)), null, null));
    }

    private static int count(String s, String of) {
        return s.split(Pattern.quote(of), -1).length - 1;
    }

    @Test
    void oneChartPerFigureWithData() {
        String html = page(true);
        assertEquals(3, count(html, "<svg"), "tokens/s, USD/1M, J/token");
        assertEquals(3, count(html, "</svg>"));
        for (String id : List.of("trend-tokensPerSecond", "trend-usdPerMillion", "trend-joulesPerToken", "setups", "gates")) {
            assertTrue(html.contains(" id=\"" + id + "\""), "section " + id);
        }
        String noEnergy = page(false);
        assertEquals(2, count(noEnergy, "<svg"), "no chart for a figure no run has");
        assertTrue(noEnergy.contains("no run in the history has this figure"));
    }

    @Test
    void theRunWhereTheGateFiredIsMarkedOnEveryChartAndListed() {
        String html = page(true);
        assertEquals(3, count(html, ">gate fired: n3</text>"), "the note beside the red circle, on each chart");
        assertEquals(3, count(html, "<li>gate fired on run n3 "), "the note under each chart");
        assertFalse(html.contains("gate fired: n2"), "the gate passed on n2");
        assertTrue(html.contains("<td>regression</td>"), "the gates table");
        assertTrue(html.contains("<td>no regression</td>"));
        assertTrue(html.contains("batch 8 tokensPerSecond: 1010 &rarr; 700 (-30.7%)"), "the regressed figure, escaped");
    }

    @Test
    void aModelNameIsEscapedEverywhere() {
        String html = page(true);
        assertFalse(html.contains("<script"), "no script element, not even from a model's name");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name shown as text");
    }

    @Test
    void nothingIsFetched() {
        String html = HtmlReports.withoutNamespaces(page(true));
        assertFalse(html.contains("http://") || html.contains("https://"), "a URL outside the SVG namespaces");
        for (String fetching : List.of("<link", "<img", "<iframe", "@import")) {
            assertFalse(html.contains(fetching), fetching);
        }
        assertFalse(Pattern.compile("url\\((?!#)|href=\"(?!#)").matcher(html).find(), "a reference outside the page");
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "id used twice: " + ids.group(1));
        }
    }
}
