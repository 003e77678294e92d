package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderArchitecture.RopeScaling;

/** Rotary position embedding frequencies (half-rotation layout, as Llama and Qwen2 use). */
public final class Rope {

    private Rope() {}

    /** The headDim/2 inverse frequencies, with Llama-3 scaling applied when the architecture has it. */
    public static double[] inverseFrequencies(DecoderArchitecture a) {
        int half = a.headDim() / 2;
        double[] inv = new double[half];
        for (int i = 0; i < half; i++) {
            inv[i] = 1.0 / Math.pow(a.ropeTheta(), (2.0 * i) / a.headDim());
        }
        RopeScaling s = a.ropeScaling();
        if (s != null) {
            double lowWavelen = s.originalMaxPositions() / s.lowFreqFactor();
            double highWavelen = s.originalMaxPositions() / s.highFreqFactor();
            for (int i = 0; i < half; i++) {
                double wavelen = 2 * Math.PI / inv[i];
                if (wavelen > lowWavelen) {
                    inv[i] = inv[i] / s.factor();
                } else if (wavelen >= highWavelen) {
                    double smooth = (s.originalMaxPositions() / wavelen - s.lowFreqFactor())
                            / (s.highFreqFactor() - s.lowFreqFactor());
                    inv[i] = (1 - smooth) * inv[i] / s.factor() + smooth * inv[i];
                }
            }
        }
        return inv;
    }
}
