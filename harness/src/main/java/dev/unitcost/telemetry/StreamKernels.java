package dev.unitcost.telemetry;

/**
 * The STREAM kernels {@link MemoryBandwidth} times, over one slice {@code [from, to)} each. Every
 * kernel returns a value derived from what it touched, so the JIT cannot drop the work.
 */
final class StreamKernels {

    static final double Q = 3.0;

    private StreamKernels() {}

    static double fill(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 1.0;
            b[i] = 2.0;
            c[i] = 0.0;
        }
        return a[from];
    }

    /**
     * Sums 64-bit integers: an integer sum may be reordered, so the JIT vectorises it, while a
     * {@code double} sum must keep its order and would time the adder's latency, not memory.
     */
    static double read(long[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    static double copy(double[] a, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i];
        }
        return c[from];
    }

    static double triad(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = b[i] + Q * c[i];
        }
        return a[from];
    }
}
