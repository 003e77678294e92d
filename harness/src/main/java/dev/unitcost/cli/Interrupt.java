package dev.unitcost.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during a run: the sweep finishes the batch in flight, keeps what it measured, and the
 * report is priced and stored before the process ends (instead of losing every finished point).
 * A shutdown hook asks the run to stop and waits, up to {@link #GRACE_SECONDS}, for it to be stored.
 */
final class Interrupt {

    /** How long the hook waits for the measuring thread to store what it has. */
    static final long GRACE_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch stored = new CountDownLatch(1);
    private final Thread hook;

    private Interrupt(PrintWriter err) {
        this.hook = new Thread(() -> {
            requested.set(true);
            err.println("unitcost: interrupted: finishing the batch in flight and storing the points measured so far"
                    + " (waiting up to " + GRACE_SECONDS + " s)");
            err.flush();
            try {
                stored.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unitcost-interrupt");
    }

    /** Installs the hook for the length of a run. */
    static Interrupt install(PrintWriter err) {
        Interrupt i = new Interrupt(err);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    boolean requested() {
        return requested.get();
    }

    /** The run is over (stored, or failed): the hook stops waiting, or is removed when nothing interrupted. */
    void finished() {
        stored.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running and returns now that the latch is open
        }
    }
}
