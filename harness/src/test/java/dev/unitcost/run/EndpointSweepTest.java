package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.cost.PricePoint;
import dev.unitcost.load.ScriptedServer;
import dev.unitcost.load.Tally;
import dev.unitcost.metrics.Slo;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.workload.Adaptive;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EndpointPrompts;
import dev.unitcost.workload.EndpointWorkload;
import dev.unitcost.workload.Lengths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Load sweeps on a scripted server (virtual time), checked against hand-computed figures.
 *
 * <p>Closed loop: at concurrency N the server answers with TTFT 50 ms and ITL 10 ms while N &le; 4,
 * and s = N / 4 times slower beyond (it saturates at 4). Ten output tokens: E2E = 50 + 9 x 10 =
 * 140 ms x s. Every user starts at 0 and sends the same number of requests, so the window is the
 * whole span and output tokens/s = N x 10 / E2E: 71.43, 142.86, 285.71, then 285.71 at 8 (the knee is 4).
 */
class EndpointSweepTest {

    static final long MS = 1_000_000L;

    static ScriptedServer.Timing saturatingAtFour(String load) {
        int n = Integer.parseInt(load.substring(1));
        double s = Math.max(1, n / 4.0);
        return new ScriptedServer.Timing(Math.round(50 * MS * s), Math.round(10 * MS * s));
    }

    static EndpointWorkload workload(List<Integer> concurrency, List<Double> rates, boolean saturate, int requests) {
        return new EndpointWorkload("scripted", "endpoint", "scripted", concurrency, rates, saturate, 64, rates == null ? null : 1e12,
                new Lengths("20"), new Lengths("10"), 0.0, "bundled:default", requests, 2, 2, false, 7L, 10.0, new Adaptive(0, 2, 60));
    }

    static List<EndpointPoint> sweep(ScriptedServer server, ScriptedServer.VirtualClock clock, EndpointWorkload w, List<Slo> slos)
            throws InterruptedException {
        Corpus corpus = new Corpus("test", List.of("one two three four five six seven eight nine ten eleven twelve"));
        EndpointRequests requests = new EndpointRequests(w, new EndpointPrompts(corpus, null, w.seed()));
        return new EndpointSweep(server, w, requests, slos, clock, ProgressListener.NONE, () -> 0L, () -> false).run();
    }

    static EndpointResult result(List<EndpointPoint> points, List<Slo> slos) {
        return new EndpointResult("http://127.0.0.1:1", "scripted-model", "chat", true,
                new ScriptedServer(EndpointSweepTest::saturatingAtFour, new ScriptedServer.VirtualClock()).facts(), slos, points);
    }

    @Test
    void concurrencySweepShowsTheKneeGoodputAndTheHighestLoadMeetingTheSlo() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        var server = new ScriptedServer(EndpointSweepTest::saturatingAtFour, clock);
        List<Slo> slos = Slo.parseAll("ttft_p99=80ms,tpot_p50=12ms");
        List<EndpointPoint> points = sweep(server, clock, workload(List.of(1, 2, 4, 8), null, false, 8), slos);
        EndpointResult r = result(points, slos);
        double[] expected = {10 / 0.14, 20 / 0.14, 40 / 0.14, 80 / 0.28};
        for (int i = 0; i < 4; i++) {
            EndpointPoint p = points.get(i);
            assertEquals("ok", p.status(), p.label());
            assertEquals(expected[i], p.outputTokensPerSecond().median(), 1e-9, p.label());
            int n = (int) p.level();
            double e2e = i < 3 ? 0.14 : 0.28;
            assertEquals(n / e2e, p.requestsPerSecond().median(), 1e-9, p.label());
            // 100 prompt tokens per request (the server's usage), all first tokens inside the window
            assertEquals(n * 100 / e2e, p.inputTokensPerSecond().median(), 1e-9, p.label());
            Tally t = p.repetitions().get(0);
            assertTrue(t.steady());
            assertEquals(n * Math.max(2, (int) Math.ceil(8.0 / n)), t.sent());
            assertEquals(t.sent(), t.completed());
            assertEquals("honoured", p.forcedLength());
            assertEquals("ok", p.tokenReconciliation());
        }
        // TTFT is 50 ms up to 4 users and 100 ms at 8: the objective (80 ms at p99) is missed only there
        assertEquals(List.of(true, true, true, false), points.stream().map(EndpointPoint::sloMet).toList());
        assertEquals(4 / 0.14, points.get(2).goodputPerSecond().median(), 1e-9, "every request good at 4");
        assertEquals(0.0, points.get(3).goodputPerSecond().median(), 0, "no request good at 8");
        assertEquals("concurrency 4", r.highestLoadMeetingSlo());
        assertEquals("concurrency 4", r.knee());
        assertEquals("concurrency 4", r.maximum()); // 4 and 8 tie; the first is kept
        assertEquals(0, r.failedRequests());
    }

    @Test
    void busyTimeIsSplitByPrefillShare() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        List<EndpointPoint> points = sweep(new ScriptedServer(EndpointSweepTest::saturatingAtFour, clock), clock,
                workload(List.of(2), null, false, 4), List.of());
        List<PricePoint> prices = result(points, List.of()).pricePoints("x");
        assertEquals(1, prices.size());
        PricePoint p = prices.get(0);
        // prefill share = TTFT / E2E = 50 / 140; input tok/s = input / (share x window) = 2 x 100 / 50 ms = 4000;
        // output tok/s = output / ((1 - share) x window) = 2 x 10 / 90 ms
        assertEquals(4000, p.throughput().inputTokensPerSecond(), 1e-6);
        assertEquals(20 / 0.09, p.throughput().outputTokensPerSecond().getAsDouble(), 1e-6);
        assertEquals(2, p.batchSize(), "two requests in flight on average");
        assertEquals(100, p.inputLength());
        assertEquals(10, p.outputLength().orElseThrow());
    }

    @Test
    void saturationStopsAtTheKnee() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        List<EndpointPoint> points = sweep(new ScriptedServer(EndpointSweepTest::saturatingAtFour, clock), clock,
                workload(null, null, true, 8), List.of());
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0), points.stream().map(EndpointPoint::level).toList(), "stops once 8 adds < 10%");
        EndpointResult r = result(points, List.of());
        assertEquals("concurrency 4", r.knee());
        assertNull(r.highestLoadMeetingSlo(), "no objective given");
    }

    /**
     * Open loop, arrivals evenly spaced (burstiness 1e12: gamma gaps of 1 / rate to within a
     * microsecond). 8 requests at rate R: the window is the 7 gaps, 7 / R s; request k starts at k / R and
     * ends 140 ms later (TTFT 50 ms) up to rate 4, or 290 ms later (TTFT 200 ms) beyond.
     */
    @Test
    void rateSweepCountsTheWindowAndGoodputByHand() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        var server = new ScriptedServer(load -> Double.parseDouble(load.substring(1)) <= 4
                ? new ScriptedServer.Timing(50 * MS, 10 * MS) : new ScriptedServer.Timing(200 * MS, 10 * MS), clock);
        List<Slo> slos = Slo.parseAll("ttft_p99=100ms");
        List<EndpointPoint> points = sweep(server, clock, workload(null, List.of(2.0, 4.0, 8.0), false, 8), slos);
        // rate 2: window 3.5 s; requests 0..6 end by 3.14 s (7 complete, 70 tokens), request 7 starts at 3.5 s (none of its tokens)
        assertEquals(7 / 3.5, points.get(0).requestsPerSecond().median(), 1e-4);
        assertEquals(70 / 3.5, points.get(0).outputTokensPerSecond().median(), 1e-4);
        // rate 4: window 1.75 s; requests 0..6 end by 1.64 s
        assertEquals(7 / 1.75, points.get(1).goodputPerSecond().median(), 1e-4);
        // rate 8: window 0.875 s; request k ends at k / 8 + 0.29, so k = 0..4 complete (5), but every TTFT is 200 ms: goodput 0
        assertEquals(5 / 0.875, points.get(2).requestsPerSecond().median(), 1e-4);
        assertEquals(0.0, points.get(2).goodputPerSecond().median(), 0);
        assertEquals(List.of(true, true, false), points.stream().map(EndpointPoint::sloMet).toList());
        assertEquals("rate 4 req/s", result(points, slos).highestLoadMeetingSlo());
        assertNull(result(points, slos).knee(), "no knee in a rate sweep");
        // rate 8: first tokens at k / 8 + 0.2 <= 0.875 for k = 0..5 (6 in the window), but 5 complete: the price's prompt
        // length is the mean request's 100 tokens, not 600 / 5 = 120
        PricePoint price = result(points, slos).pricePoints("x").get(2);
        assertEquals(100, price.inputLength());
        assertEquals(10, price.outputLength().orElseThrow());
    }

    /**
     * Two requests at 8 req/s: the window (first send to last send) is 125 ms and both end later, at
     * 140 and 265 ms. The point is not failed: its rates cover the whole span, 265 ms, flagged.
     */
    @Test
    void anOpenLoopWhoseRequestsAllEndAfterTheLastSendCountsTheWholeSpan() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        var server = new ScriptedServer(load -> new ScriptedServer.Timing(50 * MS, 10 * MS), clock);
        EndpointPoint p = sweep(server, clock, workload(null, List.of(8.0), false, 2), List.of()).get(0);
        assertEquals("ok", p.status());
        Tally t = p.repetitions().get(0);
        assertFalse(t.steady());
        assertEquals(265 * MS, t.windowNanos(), 1000);
        assertEquals(2, t.completed());
        assertEquals(20 / 0.265, p.outputTokensPerSecond().median(), 0.01);
    }

    @Test
    void aServerThatDiesMidRunHasEveryFailureCountedByKind() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        // warmup (2 requests) and the first repetition (2 users x 4) are answered; the next request is lost mid-stream
        var server = new ScriptedServer(EndpointSweepTest::saturatingAtFour, clock, 10, true);
        List<EndpointPoint> points = sweep(server, clock, workload(List.of(2), null, false, 8), List.of());
        EndpointPoint p = points.get(0);
        assertEquals(2, p.repetitions().size());
        Tally second = p.repetitions().get(1);
        assertEquals(8, second.sent());
        assertEquals(0, second.ok());
        assertEquals(java.util.Map.of("connection lost", 1, "connection refused", 7), second.failed());
        assertEquals(java.util.Map.of("connection lost", 1, "connection refused", 7), p.failed());
        assertEquals(8, result(points, List.of()).failedRequests());
        assertFalse(p.repetitions().get(0).failed().size() > 0);
    }

    @Test
    void aServerThatIgnoresTheForcedLengthIsReported() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        var server = new ScriptedServer(EndpointSweepTest::saturatingAtFour, clock, Integer.MAX_VALUE, false);
        EndpointPoint p = sweep(server, clock, workload(List.of(1), null, false, 2), List.of()).get(0);
        assertEquals("not honoured (4 of 4)", p.forcedLength());
    }

    @Test
    void progressNamesEachLoadAndSaysNothingOfPointsAnInterruptSkipped() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        var server = new ScriptedServer(load -> new ScriptedServer.Timing(50 * MS, 10 * MS), clock);
        EndpointWorkload w = workload(null, List.of(0.5, 4.0), false, 2);
        Corpus corpus = new Corpus("test", List.of("one two three four five six seven eight nine ten eleven twelve"));
        EndpointRequests requests = new EndpointRequests(w, new EndpointPrompts(corpus, null, w.seed()));
        List<String> seen = new java.util.ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void pointStarted(int index, int count, String point) {
                seen.add(index + "/" + count + " " + point);
            }

            @Override
            public void repetitionFinished(String point, int repetition, int repetitions, double tokensPerSecond, String what) {
                seen.add(point + " #" + repetition);
            }
        };
        // the interrupt comes once the first repetition is in
        List<EndpointPoint> points = new EndpointSweep(server, w, requests, List.of(), clock, listener, () -> 0L,
                () -> seen.size() >= 2).run();
        assertEquals(List.of("0/2 rate 0.5 req/s", "rate 0.5 req/s #1"), seen);
        assertEquals("not run: interrupted", points.get(1).status());
    }

    @Test
    void saturationProgressCountsThePointsItMayRun() throws Exception {
        var clock = new ScriptedServer.VirtualClock();
        EndpointWorkload w = workload(null, null, true, 8); // at most 64 users: 1, 2, 4, ..., 64 is 7 points
        Corpus corpus = new Corpus("test", List.of("one two three four five six seven eight nine ten eleven twelve"));
        List<String> seen = new java.util.ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void pointStarted(int index, int count, String point) {
                seen.add((index + 1) + "/" + count + " " + point);
            }
        };
        new EndpointSweep(new ScriptedServer(EndpointSweepTest::saturatingAtFour, clock), w,
                new EndpointRequests(w, new EndpointPrompts(corpus, null, w.seed())), List.of(), clock, listener, () -> 0L, () -> false).run();
        assertEquals(List.of("1/7 concurrency 1", "2/7 concurrency 2", "3/7 concurrency 4", "4/7 concurrency 8"), seen);
    }
}
