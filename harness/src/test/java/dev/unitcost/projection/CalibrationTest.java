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
    void twoBatchSizesSeparateOverheadAndArithmeticFromTheReads() {
        // made from a known step: reads at 40e9 B/s, 3 ms overhead, arithmetic at 200e9 FLOP/s
        //   batch 1: 1e9 bytes (25 ms) + 1e9 FLOPs (5 ms) + 3 ms = 33 ms
        //   batch 8: 1.2e9 bytes (30 ms) + 8e9 FLOPs (40 ms) + 3 ms = 73 ms
        Calibration c = Calibration.of("run r", new Calibration.DecodeStep(1, 1e9, 1e9, 0.033),
                new Calibration.DecodeStep(8, 1.2e9, 8e9, 0.073), 40e9, 1e9, 400);
        assertTrue(c.separatesOverhead());
        assertEquals(0.003, c.stepOverheadSeconds(), 1e-12);
        assertEquals(200e9, c.decodeFlopsPerSecond(), 1);
        assertEquals(4e11, c.achievedFlopsPerSecond(), 1);
        assertEquals(1e9 / 0.033, c.achievedBandwidthBytesPerSecond(), 1);
        // on the measured device (peak 50e9 B/s, 1e12 FLOP/s): reads at 0.8, arithmetic 0.2, prefill 0.4, 3 ms
        Efficiency here = c.onMeasuredDevice(50e9, 1e12);
        assertEquals(0.8, here.decode(), 1e-12);
        assertEquals(0.2, here.decodeCompute(), 1e-12);
        assertEquals(0.4, here.prefill(), 1e-12);
        assertEquals(0.003, here.stepOverheadSeconds(), 1e-12);
        // elsewhere: the batch-1 MBU (1e9 / 33 ms of 50e9), the same arithmetic share, no overhead
        Efficiency elsewhere = c.against(50e9, 1e12);
        assertEquals(1e9 / 0.033 / 50e9, elsewhere.decode(), 1e-12);
        assertEquals(0.2, elsewhere.decodeCompute(), 1e-12);
        assertEquals(0, elsewhere.stepOverheadSeconds());
    }

    @Test
    void pointsWithoutAnArithmeticCostKeepThePrefillRate() {
        // both remainders are 8 ms (33 - 25 and 38 - 30): a larger batch cost nothing more to compute
        Calibration c = Calibration.of("run r", new Calibration.DecodeStep(1, 1e9, 1e9, 0.033),
                new Calibration.DecodeStep(8, 1.2e9, 8e9, 0.038), 40e9, 1e9, 400);
        assertTrue(Double.isNaN(c.decodeFlopsPerSecond()));
        // overhead: 8 ms less 1e9 FLOPs at the prefill's 4e11 FLOP/s (2.5 ms) = 5.5 ms
        assertEquals(0.0055, c.stepOverheadSeconds(), 1e-12);
        assertEquals(0.4, c.onMeasuredDevice(50e9, 1e12).decodeCompute(), 1e-12);
    }

    @Test
    void aNegativeOverheadIsZeroWithTheArithmeticFromTheLargerBatch() {
        // remainders 2 ms (batch 1) and 50 ms (batch 8): the line through them would start below zero
        Calibration c = Calibration.of("run r", new Calibration.DecodeStep(1, 1e9, 1e9, 0.027),
                new Calibration.DecodeStep(8, 1.2e9, 8e9, 0.080), 40e9, 1e9, 400);
        assertEquals(0, c.stepOverheadSeconds());
        assertEquals(8e9 / 0.050, c.decodeFlopsPerSecond(), 1);
    }

    @Test
    void aRunFasterThanThePeakIsRefused() {
        Calibration c = Calibration.of("run r", 1e9, 0.05, 1e10, 1000);
        assertThrows(IllegalArgumentException.class, () -> c.against(1e10, 2e13));
    }
}
