package dev.unitcost.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unitcost.result.ResultStore.HistoryEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changes are taken against the previous run of the same fingerprint, whatever is filtered or cut. */
class HistoryListingTest {

    private static HistoryEntry entry(RunReport r) {
        return History.entryOf(r, r.runId() + ".json");
    }

    private static final List<HistoryEntry> ENTRIES = List.of(
            entry(HistoryReports.run("a1", 1, 1000)),
            entry(HistoryReports.priced(HistoryReports.run("b1", 2, 4000))),
            entry(HistoryReports.run("a2", 3, 1100)),
            entry(HistoryReports.priced(HistoryReports.run("b2", 4, 2000))),
            entry(HistoryReports.run("a3", 5, 880)));

    @Test
    void eachRunIsSetAgainstThePreviousRunOfItsOwnSetup() {
        HistoryListing l = HistoryListing.of(ENTRIES, HistoryMetric.TOKENS_PER_SECOND, null, null, null);
        assertEquals(List.of("a1", "b1", "a2", "b2", "a3"), l.rows().stream().map(r -> r.entry().runId()).toList());
        assertNull(l.rows().get(0).change());
        assertNull(l.rows().get(1).change());
        assertEquals(0.1, l.rows().get(2).change(), 1e-12);
        assertEquals("a1", l.rows().get(2).previousRunId());
        assertEquals(-0.5, l.rows().get(3).change(), 1e-12);
        assertEquals(-0.2, l.rows().get(4).change(), 1e-12);
    }

    @Test
    void aFilterOrALimitKeepsEachRunsBaseline() {
        HistoryListing l = HistoryListing.of(ENTRIES, HistoryMetric.TOKENS_PER_SECOND, null, "rent-299", 1);
        assertEquals(1, l.rows().size());
        assertEquals("a3", l.rows().get(0).entry().runId(), "an unpriced run keeps its configured profile name");
        assertEquals(-0.2, l.rows().get(0).change(), 1e-12);
        assertEquals(0, HistoryListing.of(ENTRIES, HistoryMetric.TOKENS_PER_SECOND, "other", null, null).rows().size());
    }

    @Test
    void aRunWithoutTheFigureHasNoValueAndIsNobodysBaseline() {
        HistoryListing l = HistoryListing.of(ENTRIES, HistoryMetric.USD_PER_MILLION, null, null, null);
        assertNull(l.rows().get(0).value(), "unpriced");
        assertNull(l.rows().get(2).change());
        assertEquals(ENTRIES.get(3).usdPerMillion3to1().doubleValue() / ENTRIES.get(1).usdPerMillion3to1().doubleValue() - 1,
                l.rows().get(3).change(), 1e-12);
    }
}
