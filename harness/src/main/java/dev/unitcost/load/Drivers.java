package dev.unitcost.load;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** What both drivers share: named daemon threads, and waiting on a sender's result. */
final class Drivers {

    private Drivers() {}

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The result of a sender; what the client threw (a bug: failures are outcomes) is rethrown unchecked. */
    static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException i) {
                throw i;
            }
            throw ClosedLoop.unwrap(e);
        }
    }
}
