package dev.unitcost.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures are shown: one place for percentages, counts, milliseconds, prices and verdicts. */
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

    /** A count with thousands separators: {@code 1,000,000}. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A whole-number count held as a decimal (already rounded where it was computed). */
    static String count(BigDecimal v) {
        return String.format(Locale.ROOT, "%,d", v.toBigIntegerExact());
    }

    /** A count held as a double, to the nearest whole number. */
    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A monthly USD amount as rounded by the cost package, with thousands separators: {@code 1,012,500.00}. */
    static String usdMonthly(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    /** Tokens per second, one decimal. */
    static String rate(double tokensPerSecond) {
        return String.format(Locale.ROOT, "%,.1f", tokensPerSecond);
    }

    /** An input:output ratio to at most two decimals ({@code 4}, {@code 3.5}). */
    static String ratio(double inputPerOutput) {
        return BigDecimal.valueOf(inputPerOutput).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static String grams(double gCO2) {
        return String.format(Locale.ROOT, "%,.1f gCO2", gCO2);
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
