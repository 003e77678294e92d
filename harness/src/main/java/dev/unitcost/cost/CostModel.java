package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * USD per million tokens from an hourly cost and a measured throughput:
 * {@code usdPerHour / (tokensPerSecond × 3600 × utilisation) × 1e6}.
 */
public final class CostModel {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private CostModel() {}

    /**
     * @param usdPerHour what the machine costs per hour
     * @param tokensPerSecond measured throughput while busy (&gt; 0)
     * @param utilisation share of paid hours the machine is busy, in (0, 1]
     */
    public static BigDecimal usdPerMillionTokens(BigDecimal usdPerHour, double tokensPerSecond, double utilisation) {
        if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
            throw new IllegalArgumentException("tokensPerSecond must be > 0 and finite, got " + tokensPerSecond);
        }
        checkUtilisation(utilisation);
        BigDecimal tokensPerHour = BigDecimal.valueOf(tokensPerSecond).multiply(SECONDS_PER_HOUR, MC)
                .multiply(BigDecimal.valueOf(utilisation), MC);
        return usdPerHour.multiply(MILLION, MC).divide(tokensPerHour, MC);
    }

    /** What {@code tokens} cost at {@code usdPerMillion}. */
    public static BigDecimal usdFor(long tokens, BigDecimal usdPerMillion) {
        return usdPerMillion.multiply(BigDecimal.valueOf(tokens), MC).divide(MILLION, MC);
    }

    public static void checkUtilisation(double utilisation) {
        if (!(utilisation > 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation must be in (0, 1], got " + utilisation);
        }
    }
}
