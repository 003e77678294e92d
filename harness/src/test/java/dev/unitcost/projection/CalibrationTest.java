package dev.unitcost.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Efficiencies from what a run achieved, against a device's peaks. */
class CalibrationTest {

    @Test
    void achievedOverPeak() {
        // 1e9 bytes per step in 50 ms: 2e10 B/s; 1e10 FLOPs per prompt token at 1,000 tok/s: 1e13 FLOP/s
        Calibration c = Calibration.of("run r", 1e9, 0.05, 1e10, 1000);
        assertEquals(2e10, c.achievedBandwidthBytesPerSecond(), 1);
        assertEquals(1e13, c.achievedFlopsPerSecond(), 1);
        Efficiency e = c.against(4e10, 2e13);
        assertEquals(0.5, e.decode(), 1e-12);
        assertEquals(0.5, e.prefill(), 1e-12);
        assertTrue(e.source().startsWith("calibrated on run r"));
    }

    @Test
    void aRunFasterThanThePeakIsRefused() {
        Calibration c = Calibration.of("run r", 1e9, 0.05, 1e10, 1000);
        assertThrows(IllegalArgumentException.class, () -> c.against(1e10, 2e13));
    }
}
