package dev.unitcost.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.engine.endpoint.EndpointFacts;
import dev.unitcost.engine.endpoint.ForcedLength;
import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.engine.endpoint.StreamingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Structural facts of the drivers, on real threads; no wall-clock figure is asserted. */
class DriversTest {

    /** A client that counts requests in flight and holds each until {@code release} opens (or a short wait passes). */
    static final class Holding implements StreamingClient {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final CountDownLatch release;
        final long holdMillis;

        Holding(CountDownLatch release, long holdMillis) {
            this.release = release;
            this.holdMillis = holdMillis;
        }

        @Override
        public StreamOutcome send(StreamRequest r) throws InterruptedException {
            int now = inFlight.incrementAndGet();
            sent.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            release.await(holdMillis, TimeUnit.MILLISECONDS);
            inFlight.decrementAndGet();
            return new StreamOutcome(r.id(), 0, new long[] {1}, new int[] {1}, 2, -1, -1, ForcedLength.NOT_ASKED, null, 0);
        }

        @Override
        public EndpointFacts facts() {
            return new EndpointFacts("holding", List.of(), false, ForcedLength.NOT_ASKED);
        }

        @Override
        public void close() {}
    }

    static StreamRequest request(String id) {
        return new StreamRequest(id, "hello", -1, 4, false);
    }

    @Test
    void aClosedLoopNeverHasMoreThanItsUsersInFlight() throws Exception {
        Holding client = new Holding(new CountDownLatch(1), 5);
        List<List<StreamRequest>> perUser = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            List<StreamRequest> mine = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                mine.add(request("u" + u + "/" + k));
            }
            perUser.add(mine);
        }
        List<List<StreamOutcome>> seen = ClosedLoop.run(client, perUser, () -> false);
        assertTrue(client.maxInFlight.get() <= 3, "in flight at most 3, saw " + client.maxInFlight.get());
        assertEquals(18, client.sent.get());
        for (int u = 0; u < 3; u++) {
            assertEquals(perUser.get(u).stream().map(StreamRequest::id).toList(), seen.get(u).stream().map(StreamOutcome::id).toList(),
                    "each user's requests in its own order");
        }
    }

    @Test
    void anOpenLoopSendsOnScheduleWhateverTheCompletions() throws Exception {
        // no request completes until all 10 have been sent: a driver that waited for completions would never send the rest
        CountDownLatch release = new CountDownLatch(1);
        Holding client = new Holding(release, 10_000);
        List<StreamRequest> requests = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            requests.add(request("q/" + k));
        }
        long[] offsets = new Arrivals(100, 1, 3).offsetsNanos(10);
        List<Long> sleptUntil = new ArrayList<>();
        LoadClock clock = new LoadClock() {
            @Override
            public long nanoTime() {
                return 1_000;
            }

            @Override
            public void sleepUntil(long nanos) {
                sleptUntil.add(nanos);
            }
        };
        Thread releaser = new Thread(() -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.sent.get() < 10 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            release.countDown();
        });
        releaser.start();
        List<StreamOutcome> seen = OpenLoop.run(client, requests, offsets, clock, () -> false);
        releaser.join();
        assertEquals(10, client.maxInFlight.get(), "all ten were in flight at once");
        assertEquals(10, seen.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(1_000 + offsets[k], sleptUntil.get(k), "request " + k + " waits for its own time only");
            assertEquals("q/" + k, seen.get(k).id());
        }
    }

    @Test
    void aStopRequestSendsNothingMore() throws Exception {
        Holding client = new Holding(new CountDownLatch(0), 0);
        AtomicInteger checks = new AtomicInteger();
        List<StreamRequest> requests = List.of(request("a"), request("b"), request("c"));
        List<StreamOutcome> seen = OpenLoop.run(client, requests, new long[] {0, 1, 2}, LoadClock.SYSTEM, () -> checks.incrementAndGet() > 1);
        assertEquals(1, seen.size());
    }
}
