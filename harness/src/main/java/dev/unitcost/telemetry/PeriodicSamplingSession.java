package dev.unitcost.telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A {@link SamplingSession} that calls a reader on its own daemon thread at a fixed rate and
 * measures that thread's CPU time, so the sampler's overhead is reported, not guessed.
 *
 * <p>The reader runs only on the sampling thread; it returns the series it could read (absent
 * series are left out). One final sample is taken at stop, so short runs still get two.
 */
public final class PeriodicSamplingSession implements SamplingSession {

    private final String sampler;
    private final long intervalNanos;
    private final Supplier<Map<String, Double>> reader;
    private final Map<String, String> seriesSources;
    private final AutoCloseable resource;
    private final List<Sample> samples = new ArrayList<>();
    private final List<PhaseMark> marks = new ArrayList<>();
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private final long startNanos;
    private volatile boolean running = true;
    private volatile long samplerCpuNanos;
    private TelemetryTrace trace;

    public PeriodicSamplingSession(String sampler, Duration interval, Supplier<Map<String, Double>> reader) {
        this(sampler, interval, reader, Map.of());
    }

    /** With the sources of series whose origin matters (see {@link TelemetryTrace#seriesSources()}). */
    public PeriodicSamplingSession(String sampler, Duration interval, Supplier<Map<String, Double>> reader,
            Map<String, String> seriesSources) {
        this(sampler, interval, reader, seriesSources, () -> { });
    }

    /**
     * With a resource the reader holds (an open file), closed once the sampling thread has
     * stopped, at the first {@link #stop()}.
     */
    public PeriodicSamplingSession(String sampler, Duration interval, Supplier<Map<String, Double>> reader,
            Map<String, String> seriesSources, AutoCloseable resource) {
        this.seriesSources = Map.copyOf(seriesSources);
        this.resource = resource;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sampling interval must be positive, got " + interval);
        }
        this.sampler = sampler;
        this.intervalNanos = interval.toNanos();
        this.reader = reader;
        this.startNanos = System.nanoTime();
        this.thread = new Thread(this::loop, "unitcost-sampler-" + sampler);
        thread.setDaemon(true);
        thread.start();
        try {
            started.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = mx.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTime ? mx.getCurrentThreadCpuTime() : 0;
        long next = System.nanoTime();
        readOnce();
        started.countDown();
        while (running) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // fell behind: do not burst to catch up
            }
            if (!running) {
                break;
            }
            readOnce();
        }
        readOnce();
        if (cpuTime) {
            samplerCpuNanos = mx.getCurrentThreadCpuTime() - cpuStart;
        }
    }

    private void readOnce() {
        Map<String, Double> values = reader.get();
        long now = System.nanoTime();
        synchronized (samples) {
            samples.add(new Sample(now, values));
        }
    }

    @Override
    public void mark(String phase) {
        synchronized (marks) {
            marks.add(new PhaseMark(System.nanoTime(), phase));
        }
    }

    @Override
    public synchronized TelemetryTrace stop() {
        if (trace != null) {
            return trace;
        }
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long end = System.nanoTime();
        if (!thread.isAlive()) {
            try {
                resource.close();
            } catch (Exception e) {
                // the trace is complete; a resource that fails to close loses nothing of it
            }
        }
        synchronized (samples) {
            synchronized (marks) {
                trace = new TelemetryTrace(sampler, intervalNanos, startNanos, end, samples, marks, samplerCpuNanos,
                        seriesSources);
            }
        }
        return trace;
    }
}
