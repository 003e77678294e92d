package dev.unitcost.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PoolingTest {

    @Test
    void meanOverRealTokensThenUnitLength() {
        float[][][] hidden = {{{1, 2}, {3, 6}, {100, -100}}};
        long[][] mask = {{1, 1, 0}};
        // mean of the two real rows = (2, 4); |(2,4)| = sqrt(20)
        double n = Math.sqrt(20);
        assertArrayEquals(new float[] {(float) (2 / n), (float) (4 / n)},
                Pooling.meanPoolNormalized(hidden, mask)[0], 1e-7f);
    }

    @Test
    void flatLayoutMatchesNested() {
        float[] flat = {1, 2, 3, 6, 100, -100, 0, 1, 0, 1, 0, 1};
        long[][] mask = {{1, 1, 0}, {1, 1, 1}};
        float[][] pooled = Pooling.meanPoolNormalized(flat, 2, 3, 2, mask);
        double n = Math.sqrt(20);
        assertArrayEquals(new float[] {(float) (2 / n), (float) (4 / n)}, pooled[0], 1e-7f);
        assertArrayEquals(new float[] {0, 1}, pooled[1], 1e-7f);
    }
}
