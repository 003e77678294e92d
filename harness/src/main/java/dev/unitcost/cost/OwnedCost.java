package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Hourly cost of owned hardware: straight-line amortisation + energy + hosting.
 *
 * <p>{@code capex / (lifeYears × 8760) + kW × PUE × USD/kWh + hosting/month ÷ 720}. Carried in
 * {@link BigDecimal} with {@link MathContext#DECIMAL64}; rounding happens only when shown.
 */
public final class OwnedCost {

    static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
    static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);
    private static final MathContext MC = MathContext.DECIMAL64;

    private OwnedCost() {}

    /** Hourly cost with the machine drawing {@code watts} on average. */
    public static BigDecimal usdPerHour(HardwareProfile.Owned p, double watts) {
        return capexPerHour(p).add(energyPerHour(p, watts), MC).add(hostingPerHour(p), MC);
    }

    public static BigDecimal capexPerHour(HardwareProfile.Owned p) {
        return p.capexUsd().divide(BigDecimal.valueOf(p.lifeYears()).multiply(HOURS_PER_YEAR, MC), MC);
    }

    public static BigDecimal energyPerHour(HardwareProfile.Owned p, double watts) {
        return BigDecimal.valueOf(watts / 1000.0 * p.pue()).multiply(p.usdPerKwh(), MC);
    }

    public static BigDecimal hostingPerHour(HardwareProfile.Owned p) {
        return p.hostingUsdPerMonth().divide(HOURS_PER_MONTH, MC);
    }
}
