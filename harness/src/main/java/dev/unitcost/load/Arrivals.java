package dev.unitcost.load;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * An open-loop arrival schedule: inter-arrival times drawn from a gamma distribution with shape
 * {@code burstiness} and scale {@code 1 / (rate × burstiness)}, so the mean rate is {@code rate}
 * whatever the burstiness. Burstiness 1 is a Poisson process (exponential gaps); below 1 arrivals
 * come in bursts, above 1 they are more even. This is how vLLM's {@code benchmark_serving}
 * defines {@code --burstiness}. Seeded: the same seed gives the same schedule.
 *
 * @param requestsPerSecond mean arrival rate (&gt; 0)
 * @param burstiness gamma shape (&gt; 0; 1 = Poisson)
 * @param seed seed of the generator
 */
public record Arrivals(double requestsPerSecond, double burstiness, long seed) {

    public Arrivals {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("rate must be > 0 requests/s, got " + requestsPerSecond);
        }
        if (!(burstiness > 0) || Double.isInfinite(burstiness)) {
            throw new IllegalArgumentException("burstiness must be > 0, got " + burstiness);
        }
    }

    /**
     * When each of {@code count} requests is sent, in nanoseconds from the first (which is sent at 0).
     */
    public long[] offsetsNanos(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        GammaDistribution gaps = new GammaDistribution(new Well19937c(seed), burstiness, 1.0 / (requestsPerSecond * burstiness));
        long[] offsets = new long[count];
        double t = 0;
        for (int i = 1; i < count; i++) {
            t += gaps.sample();
            offsets[i] = Math.round(t * 1e9);
        }
        return offsets;
    }
}
