package dev.unitcost.cost;

/**
 * Self-hosted prefix caching: a share of each prompt is a prefix the server has already computed,
 * so its prefill time is (partly) saved. The saving is measured (a shared-prefix run) or assumed,
 * and says which.
 *
 * <p>Prefill time per input token falls to {@code 1 − cachedShare × prefillSaving} of the measured
 * figure, so the input throughput rises by its inverse; decode is untouched.
 *
 * @param cachedShare share of input tokens that hit the cache, in [0, 1]
 * @param prefillSaving share of those tokens' prefill time saved, in [0, 1]
 * @param basis where {@code prefillSaving} comes from, starting "measured" or "assumed"
 */
public record PrefixCaching(double cachedShare, double prefillSaving, String basis) {

    /**
     * The assumption used when nothing was measured: a cache hit skips its tokens' prefill entirely
     * (vLLM's automatic prefix caching computes only the uncached blocks of a prompt). An upper bound:
     * eviction, partial blocks and the attention over cached tokens all make the real saving smaller.
     */
    public static final double ASSUMED_SAVING = 1.0;

    public static final String ASSUMED_BASIS = "assumed: a cached prefix skips its prefill entirely (vLLM automatic prefix caching"
            + " computes only uncached blocks); an upper bound, not measured";

    public PrefixCaching {
        if (!(cachedShare >= 0 && cachedShare <= 1)) {
            throw new IllegalArgumentException("cachedShare must be in [0, 1], got " + cachedShare);
        }
        if (!(prefillSaving >= 0 && prefillSaving <= 1)) {
            throw new IllegalArgumentException("prefillSaving must be in [0, 1], got " + prefillSaving);
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("required: basis (measured or assumed)");
        }
    }

    /** The stated assumption ({@link #ASSUMED_SAVING}). */
    public static PrefixCaching assumed(double cachedShare) {
        return new PrefixCaching(cachedShare, ASSUMED_SAVING, ASSUMED_BASIS);
    }

    /**
     * A measured saving: the share of prefill time a shared-prefix run saved on cached tokens, e.g.
     * {@code 1 − (prefill s per token with a warm prefix / prefill s per token cold)}.
     *
     * @param where the run or the option it came from
     */
    public static PrefixCaching measured(double cachedShare, double prefillSaving, String where) {
        return new PrefixCaching(cachedShare, prefillSaving, "measured: " + where);
    }

    /**
     * Whether no prefill time is left to price: every input token cached and all of its prefill
     * saved, so the input rate would be unbounded. The full saving is an upper bound, so this asks
     * for a measured saving rather than pricing input at nothing.
     */
    public boolean leavesNoPrefill() {
        return 1 - cachedShare * prefillSaving <= 0;
    }

    /**
     * {@code t} with its input rate raised by the saved prefill time; the label says so.
     *
     * @throws IllegalArgumentException when {@link #leavesNoPrefill()}
     */
    public MeasuredThroughput apply(MeasuredThroughput t) {
        double factor = 1 - cachedShare * prefillSaving;
        if (leavesNoPrefill()) {
            throw new IllegalArgumentException("every input token cached with all of its prefill saved leaves no prefill time to price");
        }
        if (factor == 1) {
            return t;
        }
        String label = t.label() + "; input rate / " + java.math.BigDecimal.valueOf(factor).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString() + " for prefix caching (" + basis + ")";
        double in = t.inputTokensPerSecond() / factor;
        return t.outputTokensPerSecond().isPresent() ? MeasuredThroughput.of(in, t.outputTokensPerSecond().getAsDouble(), label)
                : MeasuredThroughput.inputOnly(in, label);
    }
}
