package dev.unitcost.load;

import dev.unitcost.engine.endpoint.StreamOutcome;
import java.util.List;

/**
 * The steady-state part of one repetition, in the client's {@link System#nanoTime()}: after the
 * ramp-up, before the drain. Closed loop: from when the last user sent its first request (every
 * user busy) to when the first user ended its last one (users start going idle). Open loop: from
 * the first send to the last send (after it, nothing arrives and the server drains). When that is
 * empty (too few requests to overlap), the whole span from the first send to the last end is used
 * and {@code steady} is false; the sweep does the same when no ok request ended inside the window.
 *
 * @param startNanos inclusive
 * @param endNanos inclusive, &gt; {@code startNanos}
 * @param steady whether ramp-up and drain were excluded
 */
public record Window(long startNanos, long endNanos, boolean steady) {

    public Window {
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("a window must end after it starts: " + startNanos + ".." + endNanos);
        }
    }

    public long nanos() {
        return endNanos - startNanos;
    }

    public boolean contains(long nanos) {
        return nanos >= startNanos && nanos <= endNanos;
    }

    /** A closed loop's window; users that sent nothing (stopped before) are ignored. */
    public static Window closedLoop(List<List<StreamOutcome>> perUser) {
        List<List<StreamOutcome>> busy = perUser.stream().filter(u -> !u.isEmpty()).toList();
        if (busy.isEmpty()) {
            throw new IllegalArgumentException("no request was sent");
        }
        long rampedUp = busy.stream().mapToLong(u -> u.get(0).startNanos()).max().orElseThrow();
        long draining = busy.stream().mapToLong(u -> u.get(u.size() - 1).endNanos()).min().orElseThrow();
        return draining > rampedUp ? new Window(rampedUp, draining, true) : whole(ClosedLoop.flat(busy));
    }

    /** An open loop's window, from the outcomes in sending order. */
    public static Window openLoop(List<StreamOutcome> sent) {
        if (sent.isEmpty()) {
            throw new IllegalArgumentException("no request was sent");
        }
        long first = sent.get(0).startNanos();
        long last = sent.get(sent.size() - 1).startNanos();
        return last > first ? new Window(first, last, true) : whole(sent);
    }

    /**
     * The whole span, first send to last end, not steady: for too few requests to overlap, and for a
     * steady window in which no ok request ended (an open loop whose sends all came before any reply).
     */
    public static Window whole(List<StreamOutcome> outcomes) {
        long first = outcomes.stream().mapToLong(StreamOutcome::startNanos).min().orElseThrow();
        long last = outcomes.stream().mapToLong(StreamOutcome::endNanos).max().orElseThrow();
        return new Window(first, Math.max(last, first + 1), false);
    }
}
