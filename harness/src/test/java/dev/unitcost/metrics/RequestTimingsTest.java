package dev.unitcost.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric arithmetic against hand-computed timestamps (nanoseconds). */
class RequestTimingsTest {

    @Test
    void fourTokens() {
        // start 1000; tokens at 1500 (prefill), 1600, 1750, 1800
        RequestTimings r = new RequestTimings(1000, new long[] {1500, 1600, 1750, 1800});
        assertEquals(500, r.ttftNanos());
        assertEquals(800, r.e2eNanos());
        assertEquals(100.0, r.tpotNanos().getAsDouble(), 1e-9); // (800 - 500) / 3
        assertArrayEquals(new long[] {100, 150, 50}, r.itlNanos());
    }

    @Test
    void oneOutputTokenHasNoTpotAndNoItl() {
        RequestTimings r = new RequestTimings(0, new long[] {700});
        assertEquals(700, r.ttftNanos());
        assertEquals(700, r.e2eNanos());
        assertTrue(r.tpotNanos().isEmpty());
        assertEquals(0, r.itlNanos().length);
        GenerationLatencies l = new GenerationLatencies();
        l.record(r);
        GenerationLatencies.Summary s = l.summary();
        assertNull(s.tpot());
        assertNull(s.itl());
        assertEquals(700, s.ttft().p50Nanos());
    }

    @Test
    void staticBatchFinishingTogetherSharesEveryTimestamp() {
        long[] steps = {2_000_000, 2_100_000, 2_200_000};
        List<RequestTimings> batch = List.of(new RequestTimings(1_000_000, steps), new RequestTimings(1_000_000, steps));
        GenerationLatencies l = new GenerationLatencies();
        l.recordAll(batch);
        GenerationLatencies.Summary s = l.summary();
        assertEquals(2, s.ttft().count());
        assertEquals(1_000_000, s.ttft().p50Nanos(), 1_000); // 3 significant digits
        assertEquals(2, s.tpot().count());
        assertEquals(100_000, s.tpot().p50Nanos(), 100);
        assertEquals(4, s.itl().count(), "ITL pools every gap of every request");
        assertEquals(1_200_000, s.e2e().maxNanos(), 2_000);
    }

    @Test
    void throughputFromCounts() {
        // 2 sequences x 3 output tokens in 1.2 ms of measured time
        assertEquals(5000.0, Rates.perSecond(6, 1_200_000), 1e-9);
    }

    @Test
    void rejectsTimeGoingBackwards() {
        assertThrows(IllegalArgumentException.class, () -> new RequestTimings(10, new long[] {20, 15}));
        assertThrows(IllegalArgumentException.class, () -> new RequestTimings(10, new long[] {5}));
        assertThrows(IllegalArgumentException.class, () -> new RequestTimings(10, new long[0]));
    }
}
