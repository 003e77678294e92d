package dev.unitcost.telemetry;

import java.util.stream.IntStream;

/**
 * A quick measurement of this machine's memory read bandwidth: every core sums its own slice of a
 * 512 MiB array (far beyond any cache), best of three passes. A lower bound of the hardware's
 * peak (it is what plain Java code reaches), labelled as measured wherever it is used.
 */
public final class MemoryBandwidth {

    private static final int LONGS = 64 * 1024 * 1024; // 512 MiB

    private MemoryBandwidth() {}

    public static double measureBytesPerSecond() {
        long[] data = new long[LONGS];
        for (int i = 0; i < LONGS; i += 512) {
            data[i] = i;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        double best = 0;
        long sink = 0;
        for (int pass = 0; pass < 4; pass++) {
            long start = System.nanoTime();
            sink += IntStream.range(0, threads).parallel().mapToLong(t -> {
                long sum = 0;
                int from = (int) ((long) LONGS * t / threads);
                int to = (int) ((long) LONGS * (t + 1) / threads);
                for (int i = from; i < to; i++) {
                    sum += data[i];
                }
                return sum;
            }).sum();
            long nanos = System.nanoTime() - start;
            if (pass > 0) { // the first pass warms up the JIT
                best = Math.max(best, LONGS * 8.0 / (nanos / 1e9));
            }
        }
        if (sink == 42) {
            System.getProperty("unitcost.never"); // keeps the sums alive for the JIT
        }
        return best;
    }
}
