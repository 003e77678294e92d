package dev.unitcost.engine.endpoint.replay;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A scripted monotonic clock for the client, fed by a replay server: the first reading is the
 * request's start ({@link #START_NANOS}); each later reading is the scripted time of the next data
 * line the server wrote, in the order written. The client reads the clock once per data line as
 * it reads the line, so every timestamp it records is a scripted one and every metric can be
 * checked exactly, whatever the real loopback took. Only for one request at a time; the server
 * feeds it only while it is {@linkplain #arm() armed} (not during the client's preflight).
 */
public final class VirtualClock implements LongSupplier {

    /** The first reading: the scripted start of a request. */
    public static final long START_NANOS = 1_000_000_000L;

    private final BlockingQueue<Long> lines = new LinkedBlockingQueue<>();
    private volatile boolean armed;
    private volatile boolean started;

    /** From now on the server feeds line times and the next reading is a start. */
    public void arm() {
        lines.clear();
        started = false;
        armed = true;
    }

    boolean armed() {
        return armed;
    }

    void line(long nanos) {
        lines.add(nanos);
    }

    @Override
    public long getAsLong() {
        if (!started) {
            started = true;
            return START_NANOS;
        }
        try {
            Long next = lines.poll(5, TimeUnit.SECONDS);
            if (next == null) {
                throw new IllegalStateException("the client read the clock more often than the server wrote lines");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
