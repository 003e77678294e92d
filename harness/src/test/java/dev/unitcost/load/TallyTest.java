package dev.unitcost.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.engine.endpoint.EndpointError;
import dev.unitcost.engine.endpoint.ErrorKind;
import dev.unitcost.engine.endpoint.ForcedLength;
import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.metrics.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows and tallies of hand-written outcomes (times in milliseconds, as nanoseconds). */
class TallyTest {

    static final long MS = 1_000_000L;

    static StreamOutcome ok(String id, long startMs, long[] chunkMs, int usagePrompt, int usageOut) {
        long[] chunks = new long[chunkMs.length];
        int[] tokens = new int[chunkMs.length];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = chunkMs[i] * MS;
            tokens[i] = 1;
        }
        return new StreamOutcome(id, startMs * MS, chunks, tokens, chunks[chunks.length - 1], usagePrompt, usageOut,
                ForcedLength.HONOURED, null, 500);
    }

    static StreamOutcome failed(String id, long startMs, ErrorKind kind, int status) {
        return new StreamOutcome(id, startMs * MS, new long[0], new int[0], (startMs + 1) * MS, -1, -1, ForcedLength.UNKNOWN,
                new EndpointError(kind, status, "x"), 100);
    }

    @Test
    void closedLoopWindowRunsFromTheLastFirstSendToTheFirstLastEnd() {
        // user 0: [0..100], [100..200]; user 1: [10..120], [120..230]
        List<List<StreamOutcome>> users = List.of(
                List.of(ok("a", 0, new long[] {40, 100}, 10, 2), ok("b", 100, new long[] {140, 200}, 10, 2)),
                List.of(ok("c", 10, new long[] {60, 120}, 10, 2), ok("d", 120, new long[] {170, 230}, 10, 2)));
        Window w = Window.closedLoop(users);
        assertEquals(new Window(10 * MS, 200 * MS, true), w);
    }

    @Test
    void countsOnlyTheWindowForRatesAndEveryRequestForFailures() {
        List<StreamOutcome> outcomes = new ArrayList<>(List.of(
                ok("a", 0, new long[] {40, 100}, 10, 2),        // first token in window? 40 >= 10: yes; ends 100: completed
                ok("b", 100, new long[] {140, 200}, 12, 2),     // completed at 200
                ok("c", 10, new long[] {60, 120}, 10, 3),       // usage says 3, client counted 2: reconciliation differs
                ok("d", 120, new long[] {170, 230}, 10, 2),     // first token in, last token (230) outside: not completed
                failed("e", 50, ErrorKind.HTTP_STATUS, 503),
                failed("f", 60, ErrorKind.TIMEOUT, 0),
                failed("g", 70, ErrorKind.HTTP_STATUS, 503)));
        Window w = new Window(10 * MS, 200 * MS, true);
        Map<String, StreamRequest> asked = Map.of("a", new StreamRequest("a", "p", 10, 2, true));
        List<RequestTimings> completed = new ArrayList<>();
        // TTFT within 45 ms: a (40), b (40); c has 50, so it is not good
        Tally t = Tally.of(asked, id -> 0, outcomes, w, Slo.parseAll("ttft_p99=45ms"), completed::add);
        assertEquals(7, t.sent());
        assertEquals(4, t.ok());
        assertEquals(Map.of("http 503", 2, "timeout", 1), t.failed());
        assertEquals(3, t.completed()); // a, b, c
        assertEquals(2, t.good());
        assertEquals(3, completed.size());
        // output tokens arriving in [10, 200]: a 40,100; b 140,200; c 60,120 (3 by the server's usage, spread 2 + 1 over
        // the client's 1 + 1); d 170 = 8
        assertEquals(8, t.outputTokens());
        // input tokens of requests whose first token arrived in the window: 10 + 12 + 10 + 10
        assertEquals(42, t.inputTokens());
        assertFalse(t.inputTokensEstimated());
        assertEquals(190 * MS, t.windowNanos());
        assertEquals(3 / 0.19, t.requestsPerSecond(), 1e-9);
        assertEquals(2 / 0.19, t.goodputPerSecond(), 1e-9);
        assertEquals(8 / 0.19, t.outputTokensPerSecond(), 1e-9);
        // prefill share: TTFTs 40 + 40 + 50 over E2Es 100 + 100 + 110
        assertEquals(130.0 / 310.0, t.prefillShare(), 1e-12);
        assertEquals(310.0 / 190.0, t.meanInFlight(), 1e-12);
        assertEquals(8, t.countedWithUsage());
        assertEquals(9L, t.usageOutputTokens());
        assertEquals(1, t.forcedAsked());
        assertEquals(1, t.forcedHonoured());
        assertEquals(4 * 500 + 3 * 100, t.clientNanos());
    }

    @Test
    void plannedLengthsStandInWhenNothingCountedThePrompt() {
        List<StreamOutcome> outcomes = List.of(ok("a", 0, new long[] {5, 10}, -1, -1));
        Tally t = Tally.of(Map.of(), id -> 128, outcomes, new Window(0, 10 * MS, true), List.of(), r -> {});
        assertEquals(128, t.inputTokens());
        assertTrue(t.inputTokensEstimated());
        assertEquals(null, t.usageOutputTokens());
    }

    @Test
    void tooFewRequestsToOverlapUseTheWholeSpanMarkedNotSteady() {
        Window w = Window.openLoop(List.of(ok("a", 5, new long[] {20, 40}, 1, 2)));
        assertEquals(new Window(5 * MS, 40 * MS, false), w);
    }

    @Test
    void perRequestLengthsCountEveryOkRequestNotTheWindowsMixOfFirstAndLastTokens() {
        // window [100, 200]: x completes in it but its first token came before; y's first token is in it but it ends after
        List<StreamOutcome> outcomes = List.of(
                ok("x", 0, new long[] {50, 150}, 20, 2),
                ok("y", 120, new long[] {160, 250}, 30, 3),    // usage 3 over the client's 2
                ok("z", 130, new long[] {140, 190}, 40, 2),
                failed("f", 110, ErrorKind.TIMEOUT, 0));
        Tally t = Tally.of(Map.of(), id -> 0, outcomes, new Window(100 * MS, 200 * MS, true), List.of(), r -> {});
        assertEquals(2, t.completed());                 // x, z
        assertEquals(30 + 40, t.inputTokens());         // y, z: first token in the window
        assertEquals(20 + 30 + 40, t.requestInputTokens());
        assertEquals(2 + 3 + 2, t.requestOutputTokens()); // usage of each ok request; the failed one adds nothing
    }
}
