package dev.unitcost.load;

import dev.unitcost.engine.endpoint.EndpointError;
import dev.unitcost.engine.endpoint.EndpointFacts;
import dev.unitcost.engine.endpoint.ErrorKind;
import dev.unitcost.engine.endpoint.ForcedLength;
import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.engine.endpoint.StreamingClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A server whose timing is scripted, so every metric of a load run can be checked against
 * hand-computed values. Each request's first token comes {@code ttftNanos} after it starts and
 * the rest one per {@code itlNanos}, one token per chunk, {@code maxOutputTokens} of them; the
 * server reports 100 prompt tokens (or the request's count) and the tokens it sent as usage.
 *
 * <p>Time is virtual. Closed-loop ids ({@code cN/PHASE/uU/K}) run on one timeline per user and
 * phase, starting at 0: a user's next request starts when its last ended. Open-loop ids
 * ({@code qR/PHASE/K}) start at the {@link VirtualClock}'s time when sent.
 */
public final class ScriptedServer implements StreamingClient {

    /** How the server answers at one load ({@code c4}, {@code q2}: the id's first part). */
    public record Timing(long ttftNanos, long itlNanos) {}

    private final Function<String, Timing> timing;
    private final VirtualClock clock;
    private final Map<String, Long> timelines = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final int diesAfter;
    private final boolean honoursForcedLength;

    /**
     * @param diesAfter requests answered before the server dies (the next is lost mid-stream, later ones refused);
     *     {@link Integer#MAX_VALUE} for a server that never dies
     */
    public ScriptedServer(Function<String, Timing> timing, VirtualClock clock, int diesAfter, boolean honoursForcedLength) {
        this.timing = timing;
        this.clock = clock;
        this.diesAfter = diesAfter;
        this.honoursForcedLength = honoursForcedLength;
    }

    public ScriptedServer(Function<String, Timing> timing, VirtualClock clock) {
        this(timing, clock, Integer.MAX_VALUE, true);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public StreamOutcome send(StreamRequest r) {
        int call = calls.getAndIncrement();
        String[] parts = r.id().split("/");
        Timing t = timing.apply(parts[0]);
        boolean closed = parts[0].startsWith("c");
        String line = closed ? parts[0] + "/" + parts[1] + "/" + parts[2] : null;
        long start = closed ? timelines.getOrDefault(line, 0L) : clock.nanoTime();
        clock.entered();
        if (call > diesAfter) {
            return new StreamOutcome(r.id(), start, new long[0], new int[0], start + 1_000_000, -1, -1, ForcedLength.UNKNOWN,
                    new EndpointError(ErrorKind.CONNECTION_REFUSED, 0, "connection refused"), 1_000);
        }
        int tokens = honoursForcedLength || !r.forceLength() ? r.maxOutputTokens() : Math.max(1, r.maxOutputTokens() - 1);
        if (call == diesAfter) {
            tokens = Math.max(1, tokens / 2);
        }
        long[] chunks = new long[tokens];
        int[] counts = new int[tokens];
        for (int i = 0; i < tokens; i++) {
            chunks[i] = start + t.ttftNanos() + i * t.itlNanos();
            counts[i] = 1;
        }
        long end = chunks[tokens - 1];
        if (closed) {
            timelines.put(line, end);
        }
        if (call == diesAfter) {
            return new StreamOutcome(r.id(), start, chunks, counts, end, -1, -1, ForcedLength.UNKNOWN,
                    new EndpointError(ErrorKind.CONNECTION_LOST, 0, "connection reset mid-stream"), 1_000L * tokens);
        }
        ForcedLength forced = !r.forceLength() ? ForcedLength.NOT_ASKED
                : tokens == r.maxOutputTokens() ? ForcedLength.HONOURED : ForcedLength.NOT_HONOURED;
        return new StreamOutcome(r.id(), start, chunks, counts, end, r.promptTokens() >= 0 ? r.promptTokens() : 100, tokens, forced,
                null, 1_000L * tokens);
    }

    @Override
    public EndpointFacts facts() {
        return new EndpointFacts("scripted", List.of("scripted-model"), true, ForcedLength.HONOURED);
    }

    @Override
    public void close() {}

    /**
     * A clock that never waits: {@code sleepUntil} jumps to the time asked for, after every request sent
     * so far has read the time it was sent at (so an open loop's requests start exactly on schedule).
     */
    public static final class VirtualClock implements LoadClock {
        private long now;
        private int sleeps;
        private int entered;

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        /** The server read the time of one more request. */
        synchronized void entered() {
            entered++;
            notifyAll();
        }

        @Override
        public synchronized void sleepUntil(long nanos) throws InterruptedException {
            // the k-th sleep comes after k-1 sends of this run: wait until they have started
            while (entered < sleeps) {
                wait();
            }
            sleeps++;
            now = Math.max(now, nanos);
        }
    }
}
