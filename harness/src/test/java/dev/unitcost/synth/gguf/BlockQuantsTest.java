package dev.unitcost.synth.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitcost.synth.Half;
import org.junit.jupiter.api.Test;

/** Q4_0 and Q8_0 blocks against values worked out by hand from ggml's reference quantisers. */
class BlockQuantsTest {

    /** -16, -15, ..., 15. */
    private static float[] ramp() {
        float[] x = new float[32];
        for (int j = 0; j < 32; j++) {
            x[j] = j - 16;
        }
        return x;
    }

    @Test
    void q4_0PacksElementJAndJPlus16IntoByteJ() {
        byte[] out = new byte[18];
        BlockQuants.q4_0(ramp(), 0, 32, out, 0);
        // the largest magnitude is -16: d = -16 / -8 = 2.0 (float16 0x4000), level(x) = trunc(x / 2 + 8.5)
        assertEquals(0x00, out[0] & 0xff);
        assertEquals(0x40, out[1] & 0xff);
        // byte 0: element 0 (x = -16, level 0) low, element 16 (x = 0, level 8) high
        assertEquals(0x80, out[2] & 0xff);
        // byte 1: element 1 (x = -15, level trunc(1.0) = 1) low, element 17 (x = 1, level trunc(9.0) = 9) high
        assertEquals(0x91, out[3] & 0xff);
        // byte 15: element 15 (x = -1, level 8) low, element 31 (x = 15, level 16 clamped to 15) high
        assertEquals(0xF8, out[17] & 0xff);
        assertEquals(-16f, BlockQuants.dequantizeQ4_0(out, 0, 0));
        assertEquals(14f, BlockQuants.dequantizeQ4_0(out, 0, 31)); // (15 - 8) × 2: the clamp's loss
        assertEquals(2f, BlockQuants.dequantizeQ4_0(out, 0, 17)); // (9 - 8) × 2 for x = 1
    }

    @Test
    void q4_0OfAZeroBlockIsAllLevelEight() {
        byte[] out = new byte[18];
        BlockQuants.q4_0(new float[32], 0, 32, out, 0);
        // d = 0 / -8 = -0.0: float16 0x8000, as ggml's float conversion writes it too
        assertEquals(0x00, out[0] & 0xff);
        assertEquals(0x80, out[1] & 0xff);
        for (int i = 2; i < 18; i++) {
            assertEquals(0x88, out[i] & 0xff);
        }
    }

    @Test
    void q8_0RoundsHalvesAwayFromZeroAsCsRoundfDoes() {
        float[] x = new float[32];
        x[0] = 127f; // d = 127 / 127 = 1
        x[1] = 2.5f;
        x[2] = -2.5f;
        x[3] = -0.5f;
        x[4] = 0.49f;
        byte[] out = new byte[34];
        BlockQuants.q8_0(x, 0, 32, out, 0);
        assertEquals(0x00, out[0] & 0xff); // float16 1.0 = 0x3c00
        assertEquals(0x3c, out[1] & 0xff);
        assertArrayEquals(new byte[] {127, 3, -3, -1, 0, 0}, java.util.Arrays.copyOfRange(out, 2, 8));
    }

    @Test
    void q8_0ScaleIsTheLargestMagnitudeOver127() {
        byte[] out = new byte[2 * 34];
        float[] two = new float[64];
        System.arraycopy(ramp(), 0, two, 32, 32); // the first block all zeros, the second the ramp
        BlockQuants.q8_0(two, 0, 64, out, 0);
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
        short d = (short) ((out[34] & 0xff) | (out[35] << 8));
        assertEquals(Half.fromFloat(16f / 127f), d);
        assertEquals(-127, out[36]); // -16 × 127/16
        assertEquals(119, out[36 + 31]); // 15 × 7.9375 = 119.06
        assertEquals(8, out[36 + 17]); // 1 × 7.9375
        assertEquals(-16f, BlockQuants.dequantizeQ8_0(out, 0, 32), 16f / 127 / 2 + 1e-3f);
    }

    @Test
    void refusesRowsOfPartialBlocks() {
        assertThrows(IllegalArgumentException.class, () -> BlockQuants.q4_0(new float[40], 0, 40, new byte[40], 0));
        assertThrows(IllegalArgumentException.class, () -> GgmlType.Q8_0.rowBytes(48));
        assertEquals(17 * 34L, GgmlType.Q8_0.rowBytes(17 * 32));
        assertEquals(18 * 18L, GgmlType.Q4_0.rowBytes(576));
    }
}
