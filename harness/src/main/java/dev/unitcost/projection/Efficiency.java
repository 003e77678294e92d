package dev.unitcost.projection;

/**
 * What a projection assumes a device achieves: shares of its peaks, and a fixed cost per decode step.
 *
 * @param decode achieved / peak memory bandwidth while a decode step reads weights and KV cache, in (0, 1]
 * @param prefill achieved / peak FLOP/s while prefilling, in (0, 1]
 * @param decodeCompute achieved / peak FLOP/s of a decode step's arithmetic, in (0, 1]: small-batch matrix
 *     products run further from peak than a prefill's large ones
 * @param stepOverheadSeconds a decode step's time that neither bytes nor FLOPs explain (operator dispatch,
 *     thread wake-ups, sampling): measured on one device by a calibration, 0 when none is known
 * @param source where these come from, as every projection prints it
 */
public record Efficiency(double decode, double prefill, double decodeCompute, double stepOverheadSeconds, String source) {

    /**
     * The stated defaults. Decode 0.7: the project's FACTS record H200 decode steps of Llama-shaped
     * weights at 2.75–3.55 TB/s effective of 4.8 TB/s (0.57–0.74). Prefill 0.5: an assumption, below
     * the 0.60 a bare 8192³ bf16 matmul reached on that H200 (592 of 989 TFLOP/s, FACTS), since a
     * prefill also runs attention, norms and smaller matmuls. A decode step's arithmetic is assumed to
     * run at the prefill's share, with no per-step overhead: both unknown without a measured run.
     */
    public static final Efficiency DEFAULT = new Efficiency(0.7, 0.5,
            "defaults: decode 0.7 of peak bandwidth (FACTS: H200 decode anchors reached 0.57-0.74 of 4.8 TB/s); "
                    + "prefill 0.5 of peak FLOP/s (assumption; a bare bf16 matmul reached 0.60 on that H200); "
                    + "decode arithmetic at the prefill's share, no per-step overhead (unknown without a measured run)");

    /** Decode arithmetic at the prefill's share and no per-step overhead. */
    public Efficiency(double decode, double prefill, String source) {
        this(decode, prefill, prefill, 0, source);
    }

    public Efficiency {
        if (!(decode > 0 && decode <= 1) || !(prefill > 0 && prefill <= 1) || !(decodeCompute > 0 && decodeCompute <= 1)) {
            throw new IllegalArgumentException("efficiencies must lie in (0, 1], got decode " + decode + ", prefill " + prefill
                    + " and decode arithmetic " + decodeCompute);
        }
        if (!(stepOverheadSeconds >= 0) || Double.isInfinite(stepOverheadSeconds)) {
            throw new IllegalArgumentException("a step overhead is a finite number of seconds, at least 0, got " + stepOverheadSeconds);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("an efficiency says where it comes from");
        }
    }
}
