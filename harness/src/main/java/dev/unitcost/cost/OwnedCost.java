package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Hourly cost of owned hardware: amortisation + energy + hosting.
 *
 * <p>{@code capital/h + kW × PUE × USD/kWh + hosting/month ÷ 720}. Capital per hour is straight
 * line, {@code (capex − residual) / (lifeYears × 8760)}, or, with a cost of capital r over n
 * years, the annuity that repays it: {@code (capex − residual/(1+r)^n) × r / (1 − (1+r)^−n) / 8760}.
 * Carried in {@link BigDecimal} with {@link MathContext#DECIMAL64}; rounding happens only when shown.
 */
public final class OwnedCost {

    static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
    static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);
    private static final MathContext MC = MathContext.DECIMAL64;

    private OwnedCost() {}

    /** Hourly cost of the whole machine with it drawing {@code watts} on average. */
    public static BigDecimal usdPerHour(HardwareProfile.Owned p, double watts) {
        return capexPerHour(p).add(energyPerHour(p, watts), MC).add(hostingPerHour(p), MC);
    }

    /** Capital cost of the whole machine per hour of its life. */
    public static BigDecimal capexPerHour(HardwareProfile.Owned p) {
        BigDecimal residual = p.residualUsd() == null ? BigDecimal.ZERO : p.residualUsd();
        double rate = p.costOfCapital() == null ? 0.0 : p.costOfCapital();
        double years = p.lifeYears();
        if (rate == 0.0) {
            return p.capexUsd().subtract(residual, MC)
                    .divide(BigDecimal.valueOf(years).multiply(HOURS_PER_YEAR, MC), MC);
        }
        double growth = Math.pow(1 + rate, years);
        BigDecimal presentResidual = residual.divide(BigDecimal.valueOf(growth), MC);
        BigDecimal recoveryFactor = BigDecimal.valueOf(rate / (1 - 1 / growth));
        return p.capexUsd().subtract(presentResidual, MC).multiply(recoveryFactor, MC).divide(HOURS_PER_YEAR, MC);
    }

    /** Electricity per hour for the machine drawing {@code watts}, facility overhead (PUE) included. */
    public static BigDecimal energyPerHour(HardwareProfile.Owned p, double watts) {
        return BigDecimal.valueOf(watts / 1000.0 * p.pue()).multiply(p.usdPerKwh(), MC);
    }

    public static BigDecimal hostingPerHour(HardwareProfile.Owned p) {
        return p.hostingUsdPerMonth().divide(HOURS_PER_MONTH, MC);
    }
}
