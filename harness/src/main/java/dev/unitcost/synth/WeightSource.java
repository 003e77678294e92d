package dev.unitcost.synth;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The seeded random values of a twin's tensors, in Hugging Face layout ({@code [out, in]} for
 * linear weights). Each row is generated from its own generator seeded by (seed, tensor name, row),
 * so any row can be produced alone, in any order, on any thread, and every quantisation of a
 * twin starts from the same values. Stateless and thread-safe.
 */
public final class WeightSource {

    private final long seed;

    public WeightSource(long seed) {
        this.seed = seed;
    }

    /** How a tensor's values are spread: uniform in {@code [center - bound, center + bound]}. */
    public record Spread(float center, float bound) {
        public Spread {
            if (!(bound >= 0)) {
                throw new IllegalArgumentException("bound must be >= 0, got " + bound);
            }
        }

        /** Standard deviation 1/sqrt(fanIn): keeps activations of order one through the layers. */
        public static Spread linear(int fanIn) {
            return new Spread(0f, (float) Math.sqrt(3.0 / fanIn));
        }
    }

    /** Fills {@code out[off .. off+len)} with row {@code row} of tensor {@code name}. */
    public void row(String name, long row, Spread spread, float[] out, int off, int len) {
        SplittableRandom r = new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L, nameHash(name)), row));
        int i = 0;
        while (i < len) {
            long bits = r.nextLong();
            out[off + i++] = spread.center() + spread.bound() * unit((int) bits);
            if (i < len) {
                out[off + i++] = spread.center() + spread.bound() * unit((int) (bits >>> 32));
            }
        }
    }

    /** Rows {@code [firstRow, firstRow+rows)} of a {@code [*, cols]} tensor, row-major. */
    public float[] rows(String name, long firstRow, int rows, int cols, Spread spread) {
        float[] out = new float[Math.multiplyExact(rows, cols)];
        for (int r = 0; r < rows; r++) {
            row(name, firstRow + r, spread, out, r * cols, cols);
        }
        return out;
    }

    /** 24 random bits to a float in [-1, 1). */
    private static float unit(int bits) {
        return ((bits >>> 8) * 0x1.0p-23f) - 1f;
    }

    private static long nameHash(String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bit
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long a, long b) {
        long z = a * 0xBF58476D1CE4E5B9L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
