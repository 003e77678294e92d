package dev.unitcost.load;

import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.engine.endpoint.StreamingClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Closed-loop load: N users, each sending its own requests back to back (the next as soon as the
 * last has ended). At most N requests are in flight, by construction: one thread per user.
 * Which user sends which request is fixed in advance, so a run is repeatable request by request.
 */
public final class ClosedLoop {

    private ClosedLoop() {}

    /**
     * Runs every user's requests and returns what each saw, user by user, in sending order.
     *
     * @param perUser one list of requests per user; the number of lists is the concurrency
     * @param stopRequested checked before each send: once true, no user sends another request
     *     (those in flight finish and are kept)
     */
    public static List<List<StreamOutcome>> run(StreamingClient client, List<List<StreamRequest>> perUser,
            BooleanSupplier stopRequested) throws InterruptedException {
        if (perUser.isEmpty()) {
            throw new IllegalArgumentException("a closed loop needs at least one user");
        }
        ExecutorService users = Executors.newFixedThreadPool(perUser.size(), Drivers.daemonThreads("closed-loop-user"));
        try {
            List<Future<List<StreamOutcome>>> futures = new ArrayList<>();
            for (List<StreamRequest> requests : perUser) {
                futures.add(users.submit(() -> {
                    List<StreamOutcome> seen = new ArrayList<>();
                    for (StreamRequest r : requests) {
                        if (stopRequested.getAsBoolean()) {
                            break;
                        }
                        seen.add(client.send(r));
                    }
                    return seen;
                }));
            }
            List<List<StreamOutcome>> outcomes = new ArrayList<>();
            for (Future<List<StreamOutcome>> f : futures) {
                outcomes.add(Drivers.get(f));
            }
            return outcomes;
        } finally {
            users.shutdownNow();
        }
    }

    static List<StreamOutcome> flat(List<List<StreamOutcome>> perUser) {
        return perUser.stream().flatMap(List::stream).toList();
    }

    /** Unwraps what a user's thread threw. */
    static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
}
