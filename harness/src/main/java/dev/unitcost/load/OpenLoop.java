package dev.unitcost.load;

import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.engine.endpoint.StreamingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Open-loop load: each request is sent at its scheduled time ({@link Arrivals}), whether or not
 * earlier ones have ended, so a slow server builds a queue instead of slowing the load down
 * (closed loops hide that: coordinated omission). One thread per request in flight.
 */
public final class OpenLoop {

    private OpenLoop() {}

    /**
     * Sends {@code requests.get(i)} at {@code offsetsNanos[i]} after the start and waits for all.
     *
     * @param offsetsNanos non-decreasing, one per request, the first usually 0
     * @param stopRequested checked before each send: once true, nothing more is sent
     * @return the outcomes, in request order (only of requests that were sent)
     */
    public static List<StreamOutcome> run(StreamingClient client, List<StreamRequest> requests, long[] offsetsNanos, LoadClock clock,
            BooleanSupplier stopRequested) throws InterruptedException {
        if (requests.size() != offsetsNanos.length) {
            throw new IllegalArgumentException(requests.size() + " requests but " + offsetsNanos.length + " send times");
        }
        ExecutorService senders = Executors.newCachedThreadPool(Drivers.daemonThreads("open-loop-sender"));
        try {
            List<Future<StreamOutcome>> futures = new ArrayList<>();
            long start = clock.nanoTime();
            for (int i = 0; i < requests.size(); i++) {
                clock.sleepUntil(start + offsetsNanos[i]);
                if (stopRequested.getAsBoolean()) {
                    break;
                }
                StreamRequest r = requests.get(i);
                futures.add(senders.submit(() -> client.send(r)));
            }
            List<StreamOutcome> outcomes = new ArrayList<>();
            for (Future<StreamOutcome> f : futures) {
                outcomes.add(Drivers.get(f));
            }
            return outcomes;
        } finally {
            senders.shutdownNow();
        }
    }
}
