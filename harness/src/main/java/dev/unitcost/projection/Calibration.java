package dev.unitcost.projection;

import java.util.Locale;

/**
 * What a measured run achieved on its device, for calibrating a projection.
 *
 * <p>From one decode point (a run of one batch size) it is the bandwidth the decode steps moved (bytes read per
 * step over the measured step time: the MBU numerator, which then also carries everything else a step spends) and
 * the FLOP/s the prefill did. From two decode points of different batch sizes it also separates what a step spends
 * besides reading memory: with the step's reads timed at the measured device's bandwidth, the two points' remainders
 * give a fixed per-step overhead and the rate of the step's arithmetic (two equations, two unknowns). The
 * three-term step (overhead + reads + arithmetic) is what projects across model sizes on the measured device; see
 * docs/ARCHITECTURE.md, "Projection", for the measurements that chose it.
 *
 * @param label the run and points it comes from
 * @param achievedBandwidthBytesPerSecond bytes read per decode step / median step time at the smallest batch
 * @param achievedFlopsPerSecond measured prefill tokens/s × FLOPs per prompt token
 * @param readBandwidthBytesPerSecond the bandwidth the measured device's steps are taken to read at (two points);
 *     NaN for one point
 * @param decodeFlopsPerSecond the rate of a decode step's arithmetic (two points); NaN for one point or when the
 *     points show no arithmetic cost
 * @param stepOverheadSeconds the per-step overhead on the measured device (two points); 0 for one point
 */
public record Calibration(String label, double achievedBandwidthBytesPerSecond, double achievedFlopsPerSecond,
        double readBandwidthBytesPerSecond, double decodeFlopsPerSecond, double stepOverheadSeconds) {

    /** One measured decode point: its batch, the bytes and FLOPs of one step (from the model's facts), its median time. */
    public record DecodeStep(int batch, double bytesRead, double flops, double seconds) {}

    public Calibration {
        if (!(achievedBandwidthBytesPerSecond > 0) || !(achievedFlopsPerSecond > 0)) {
            throw new IllegalArgumentException("a calibration needs positive achieved bandwidth and FLOP/s");
        }
        if (!(stepOverheadSeconds >= 0)) {
            throw new IllegalArgumentException("a step overhead is at least 0 s, got " + stepOverheadSeconds);
        }
    }

    /** From one measured point: the bytes its decode step reads and its median step time, its prompt FLOPs and prefill rate. */
    public static Calibration of(String label, double bytesReadPerStep, double stepSeconds, double flopsPerPromptToken,
            double prefillTokensPerSecond) {
        return new Calibration(label, bytesReadPerStep / stepSeconds, flopsPerPromptToken * prefillTokensPerSecond, Double.NaN,
                Double.NaN, 0);
    }

    /**
     * From two decode points of different batch sizes on a device whose bandwidth is known (measured, ideally:
     * {@code doctor --measure-bandwidth}). Each step's time less its reads at {@code readBandwidth} is overhead +
     * FLOPs / rate; the two points solve both. When the larger batch's remainder does not grow with its FLOPs the
     * arithmetic is taken at the prefill's rate and the overhead from the smaller point; an overhead that would come
     * out negative is 0, with the arithmetic rate from the larger point.
     */
    public static Calibration of(String label, DecodeStep small, DecodeStep large, double readBandwidthBytesPerSecond,
            double flopsPerPromptToken, double prefillTokensPerSecond) {
        if (!(large.flops() > small.flops()) || !(readBandwidthBytesPerSecond > 0)) {
            throw new IllegalArgumentException("two decode points of different batch sizes and a positive bandwidth are needed");
        }
        double prefillFlops = flopsPerPromptToken * prefillTokensPerSecond;
        double restSmall = small.seconds() - small.bytesRead() / readBandwidthBytesPerSecond;
        double restLarge = large.seconds() - large.bytesRead() / readBandwidthBytesPerSecond;
        double secondsPerFlop = (restLarge - restSmall) / (large.flops() - small.flops());
        double overhead;
        double decodeFlops;
        if (!(secondsPerFlop > 0)) {
            decodeFlops = Double.NaN;
            overhead = Math.max(0, restSmall - small.flops() / prefillFlops);
        } else {
            overhead = restSmall - small.flops() * secondsPerFlop;
            if (overhead < 0) {
                overhead = 0;
                secondsPerFlop = restLarge / large.flops();
            }
            decodeFlops = secondsPerFlop > 0 ? 1 / secondsPerFlop : Double.NaN;
        }
        return new Calibration(label, small.bytesRead() / small.seconds(), prefillFlops, readBandwidthBytesPerSecond, decodeFlops,
                overhead);
    }

    /** Whether two decode points separated overhead and arithmetic from the reads. */
    public boolean separatesOverhead() {
        return !Double.isNaN(readBandwidthBytesPerSecond);
    }

    /**
     * The efficiencies for another device of the measured kind: the shares of peak this run reached (its MBU at the
     * smallest batch, its prefill and decode arithmetic), without the measured device's per-step overhead.
     *
     * @throws IllegalArgumentException when the run moved more than the peak (the peak is not this device's)
     */
    public Efficiency against(double peakBandwidthBytesPerSecond, double peakFlopsPerSecond) {
        double decode = achievedBandwidthBytesPerSecond / peakBandwidthBytesPerSecond;
        double prefill = achievedFlopsPerSecond / peakFlopsPerSecond;
        check(decode, prefill, peakBandwidthBytesPerSecond, peakFlopsPerSecond);
        double arithmetic = Double.isNaN(decodeFlopsPerSecond) ? prefill : Math.min(1, decodeFlopsPerSecond / peakFlopsPerSecond);
        return new Efficiency(decode, prefill, arithmetic, 0, String.format(Locale.ROOT,
                "calibrated on %s: decode %.3f of %.3g B/s (achieved %.3g B/s), prefill %.3f of %.3g FLOP/s (achieved %.3g FLOP/s)%s;"
                        + " no per-step overhead (it was measured on another device)",
                label, decode, peakBandwidthBytesPerSecond, achievedBandwidthBytesPerSecond, prefill, peakFlopsPerSecond,
                achievedFlopsPerSecond, arithmetic(arithmetic)));
    }

    /**
     * The efficiencies on the measured device itself: with two points, reads at the read bandwidth, the measured
     * arithmetic rate and per-step overhead; with one point, as {@link #against}.
     */
    public Efficiency onMeasuredDevice(double peakBandwidthBytesPerSecond, double peakFlopsPerSecond) {
        if (!separatesOverhead()) {
            return against(peakBandwidthBytesPerSecond, peakFlopsPerSecond);
        }
        double decode = readBandwidthBytesPerSecond / peakBandwidthBytesPerSecond;
        double prefill = achievedFlopsPerSecond / peakFlopsPerSecond;
        check(decode, prefill, peakBandwidthBytesPerSecond, peakFlopsPerSecond);
        double arithmetic = Double.isNaN(decodeFlopsPerSecond) ? prefill : Math.min(1, decodeFlopsPerSecond / peakFlopsPerSecond);
        return new Efficiency(decode, prefill, arithmetic, stepOverheadSeconds, String.format(Locale.ROOT,
                "calibrated on %s: reads at %.3f of %.3g B/s, prefill %.3f of %.3g FLOP/s (achieved %.3g FLOP/s)%s,"
                        + " %.3f ms per-step overhead",
                label, decode, peakBandwidthBytesPerSecond, prefill, peakFlopsPerSecond, achievedFlopsPerSecond,
                arithmetic(arithmetic), stepOverheadSeconds * 1e3));
    }

    private String arithmetic(double share) {
        return Double.isNaN(decodeFlopsPerSecond) ? ", decode arithmetic at the prefill's share"
                : String.format(Locale.ROOT, ", decode arithmetic %.3f of peak (achieved %.3g FLOP/s)", share, decodeFlopsPerSecond);
    }

    private void check(double decode, double prefill, double peakBandwidth, double peakFlops) {
        if (decode > 1 || prefill > 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the run achieved %.3g B/s and %.3g FLOP/s, more than"
                    + " the peaks %.3g and %.3g: they are not the measured device's",
                    separatesOverhead() ? readBandwidthBytesPerSecond : achievedBandwidthBytesPerSecond, achievedFlopsPerSecond,
                    peakBandwidth, peakFlops));
        }
    }
}
