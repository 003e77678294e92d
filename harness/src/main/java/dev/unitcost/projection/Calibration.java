package dev.unitcost.projection;

/**
 * What a measured run achieved on its device, for calibrating a projection's efficiencies: the
 * bandwidth its decode steps moved (bytes read per step over the measured step time, i.e. its MBU
 * numerator) and the FLOP/s its prefill did.
 *
 * @param label the run and point it comes from
 * @param achievedBandwidthBytesPerSecond bytes read per decode step / median step time (TPOT)
 * @param achievedFlopsPerSecond measured prefill tokens/s × FLOPs per prompt token
 */
public record Calibration(String label, double achievedBandwidthBytesPerSecond, double achievedFlopsPerSecond) {

    public Calibration {
        if (!(achievedBandwidthBytesPerSecond > 0) || !(achievedFlopsPerSecond > 0)) {
            throw new IllegalArgumentException("a calibration needs positive achieved bandwidth and FLOP/s");
        }
    }

    /** From one measured point: the bytes its decode step reads and its median step time, its prompt FLOPs and prefill rate. */
    public static Calibration of(String label, double bytesReadPerStep, double stepSeconds, double flopsPerPromptToken,
            double prefillTokensPerSecond) {
        return new Calibration(label, bytesReadPerStep / stepSeconds, flopsPerPromptToken * prefillTokensPerSecond);
    }

    /**
     * The efficiencies this run reached against a device's peaks.
     *
     * @throws IllegalArgumentException when the run moved more than the peak (the peak is not this device's)
     */
    public Efficiency against(double peakBandwidthBytesPerSecond, double peakFlopsPerSecond) {
        double decode = achievedBandwidthBytesPerSecond / peakBandwidthBytesPerSecond;
        double prefill = achievedFlopsPerSecond / peakFlopsPerSecond;
        if (decode > 1 || prefill > 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the run achieved %.3g B/s and %.3g FLOP/s, more than"
                    + " the peaks %.3g and %.3g: they are not the measured device's", achievedBandwidthBytesPerSecond,
                    achievedFlopsPerSecond, peakBandwidthBytesPerSecond, peakFlopsPerSecond));
        }
        return new Efficiency(decode, prefill, String.format(java.util.Locale.ROOT,
                "calibrated on %s: decode %.3f of %.3g B/s (achieved %.3g B/s), prefill %.3f of %.3g FLOP/s (achieved %.3g FLOP/s)",
                label, decode, peakBandwidthBytesPerSecond, achievedBandwidthBytesPerSecond, prefill, peakFlopsPerSecond,
                achievedFlopsPerSecond));
    }
}
