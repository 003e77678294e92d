package dev.unitcost.projection;

/**
 * The share of a device's peak a projection assumes: of its memory bandwidth while decoding, of its
 * FLOP/s while computing (prefill, and decode once it is compute-bound).
 *
 * @param decode achieved / peak memory bandwidth, in (0, 1]
 * @param prefill achieved / peak FLOP/s, in (0, 1]
 * @param source where both come from, as every projection prints it
 */
public record Efficiency(double decode, double prefill, String source) {

    /**
     * The stated defaults. Decode 0.7: the project's FACTS record H200 decode steps of Llama-shaped
     * weights at 2.75–3.55 TB/s effective of 4.8 TB/s (0.57–0.74). Prefill 0.5: an assumption, below
     * the 0.60 a bare 8192³ bf16 matmul reached on that H200 (592 of 989 TFLOP/s, FACTS), since a
     * prefill also runs attention, norms and smaller matmuls.
     */
    public static final Efficiency DEFAULT = new Efficiency(0.7, 0.5,
            "defaults: decode 0.7 of peak bandwidth (FACTS: H200 decode anchors reached 0.57-0.74 of 4.8 TB/s); "
                    + "prefill 0.5 of peak FLOP/s (assumption; a bare bf16 matmul reached 0.60 on that H200)");

    public Efficiency {
        if (!(decode > 0 && decode <= 1) || !(prefill > 0 && prefill <= 1)) {
            throw new IllegalArgumentException("efficiencies must lie in (0, 1], got decode " + decode + " and prefill " + prefill);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("an efficiency says where it comes from");
        }
    }
}
