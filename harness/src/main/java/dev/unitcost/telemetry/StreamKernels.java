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

    /** Eight accumulators: one would chain every add on the previous and measure add latency, not memory. */
    static double read(double[] a, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
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
