package dev.unitcost.load;

/**
 * The time an open-loop schedule is kept by. Real runs use {@link #SYSTEM}; tests pass a virtual
 * clock, so that a schedule can be checked without waiting for it.
 */
public interface LoadClock {

    /** Monotonic nanoseconds ({@link System#nanoTime()} in real runs). */
    long nanoTime();

    /** Returns at or after {@code nanos} of {@link #nanoTime()}. */
    void sleepUntil(long nanos) throws InterruptedException;

    LoadClock SYSTEM = new LoadClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long nanos) throws InterruptedException {
            long left;
            while ((left = nanos - System.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    };
}
