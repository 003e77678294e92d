package dev.unitcost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How figures are shown: one place for percentages, milliseconds, prices and verdicts. */
final class Figures {

    /** Prices per 1M tokens and per hour are shown to 4 decimals (stored ones keep 6 significant digits). */
    static final int USD_SHOWN_SCALE = 4;

    private Figures() {}

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    static String usd(BigDecimal value) {
        return value == null ? "-" : value.setScale(USD_SHOWN_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A price as stored (sub-cent prices keep their digits), for one-off lines. */
    static String usdExact(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    static String verdict(BigDecimal ratio) {
        if (ratio == null) {
            return "-";
        }
        double r = ratio.doubleValue();
        return r >= 1
                ? String.format(Locale.ROOT, "self-hosting %s cheaper", times(r))
                : String.format(Locale.ROOT, "API %s cheaper", times(1 / r));
    }

    private static String times(double r) {
        return r >= 100 ? String.format(Locale.ROOT, "%,.0fx", r) : String.format(Locale.ROOT, "%.2gx", r);
    }
}
