package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of money where it is shown or stored: banker's rounding ({@link RoundingMode#HALF_EVEN}),
 * 4 decimals for per-1M-token and per-hour figures, 2 for monthly bills. Everything before
 * this point is carried unrounded.
 */
public final class Money {

    public static final int PER_MILLION_SCALE = 4;
    public static final int PER_HOUR_SCALE = 4;
    public static final int MONTHLY_SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    /** A statement of the rounding, for report footers. */
    public static final String RULE = "USD rounded HALF_EVEN: 4 decimals per 1M tokens and per hour, 2 per month";

    private Money() {}

    public static BigDecimal perMillion(BigDecimal usd) {
        return usd.setScale(PER_MILLION_SCALE, ROUNDING);
    }

    public static BigDecimal perHour(BigDecimal usd) {
        return usd.setScale(PER_HOUR_SCALE, ROUNDING);
    }

    public static BigDecimal monthly(BigDecimal usd) {
        return usd.setScale(MONTHLY_SCALE, ROUNDING);
    }
}
