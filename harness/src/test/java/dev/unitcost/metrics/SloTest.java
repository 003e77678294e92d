package dev.unitcost.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SloTest {

    @Test
    void parsesEveryMetricAtAnyPercentileAndUnit() {
        assertEquals(List.of(new Slo("ttft", 99, 500_000_000L), new Slo("tpot", 50, 50_000_000L), new Slo("itl", 99.9, 2_000_000_000L),
                new Slo("e2e", 90, 750_000L)), Slo.parseAll("ttft_p99=500ms, tpot_p50=50ms,itl_p99.9=2s,e2e_p90=750us"));
        assertEquals("ttft_p99=500ms", Slo.parseAll("ttft_p99=500ms").get(0).label());
        assertEquals("itl_p99.9=0.25ms", Slo.parseAll("itl_p99.9=250us").get(0).label());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Slo.parseAll("ttft=500ms")).getMessage()
                .contains("expected METRIC_pN=THRESHOLD"));
        assertThrows(IllegalArgumentException.class, () -> Slo.parseAll("latency_p99=5ms"));
        assertThrows(IllegalArgumentException.class, () -> Slo.parseAll("ttft_p99=5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Slo.parseAll("ttft_p101=5ms")).getMessage().contains("percentile"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Slo.parseAll("ttft_p99=5ms,ttft_p99=6ms")).getMessage()
                .contains("twice"));
    }

    @Test
    void judgesOneRequestOnItsOwnValues() {
        // start 0, tokens at 100, 110, 130, 160 ms: TTFT 100, E2E 160, TPOT 20, gaps 10, 20, 30
        RequestTimings r = new RequestTimings(0, new long[] {100_000_000L, 110_000_000L, 130_000_000L, 160_000_000L});
        assertTrue(Slo.parseAll("ttft_p99=100ms").get(0).metBy(r));
        assertFalse(Slo.parseAll("ttft_p99=99ms").get(0).metBy(r));
        assertTrue(Slo.parseAll("tpot_p99=20ms").get(0).metBy(r));
        assertFalse(Slo.parseAll("e2e_p99=159ms").get(0).metBy(r));
        // ITL by the request's own gaps: p50 (nearest rank) is 20 ms, p99 is 30 ms
        assertTrue(Slo.parseAll("itl_p50=20ms").get(0).metBy(r));
        assertFalse(Slo.parseAll("itl_p99=29ms").get(0).metBy(r));
        // one output token: no TPOT or ITL to miss
        assertTrue(Slo.parseAll("tpot_p99=1us").get(0).metBy(new RequestTimings(0, new long[] {5})));
    }
}
