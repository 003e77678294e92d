package dev.unitcost.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Arrival schedules: Poisson and gamma inter-arrival times, checked statistically with a fixed seed. */
class ArrivalsTest {

    static double[] gapsSeconds(long[] offsets) {
        double[] gaps = new double[offsets.length - 1];
        for (int i = 1; i < offsets.length; i++) {
            gaps[i - 1] = (offsets[i] - offsets[i - 1]) / 1e9;
        }
        return gaps;
    }

    @Test
    void poissonGapsAreExponentialWithTheRatesMean() {
        long[] offsets = new Arrivals(4.0, 1.0, 1234).offsetsNanos(2001);
        assertEquals(0, offsets[0], "the first request goes at once");
        double[] gaps = gapsSeconds(offsets);
        // Kolmogorov-Smirnov against Exp(mean 1/4 s): not rejected at 1%
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(0.25), gaps);
        assertTrue(p > 0.01, "KS p-value " + p);
        // and a wrong rate is rejected by the same test
        double wrong = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(0.5), gaps);
        assertTrue(wrong < 1e-6, "KS p-value against the wrong rate " + wrong);
    }

    @Test
    void burstinessIsTheGammaShapeAtTheSameMeanRate() {
        double[] gaps = gapsSeconds(new Arrivals(2.0, 0.5, 99).offsetsNanos(2001));
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new GammaDistribution(0.5, 1.0 / (2.0 * 0.5)), gaps);
        assertTrue(p > 0.01, "KS p-value " + p);
        double poisson = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(0.5), gaps);
        assertTrue(poisson < 1e-3, "bursty arrivals are not Poisson: p " + poisson);
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertArrayEquals(new Arrivals(3, 1, 7).offsetsNanos(50), new Arrivals(3, 1, 7).offsetsNanos(50));
        assertTrue(new Arrivals(3, 1, 7).offsetsNanos(50)[49] != new Arrivals(3, 1, 8).offsetsNanos(50)[49]);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Arrivals(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Arrivals(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Arrivals(1, 1, 1).offsetsNanos(0));
    }
}
