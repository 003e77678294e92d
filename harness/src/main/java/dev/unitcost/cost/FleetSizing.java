package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fleet sized for the busiest hour of a {@link LoadCurve} and paid for every hour: what a GPU
 * contract costs, set beside what the same tokens would cost if only busy hours were paid.
 *
 * <p>{@code devices = ceil(busy s/day × peak share / (3600 × u))}; the achieved utilisation is
 * {@code busy hours / (devices × 720)}; the effective price is the fleet's month over the month's
 * tokens. The busy-only price pays for busy device-hours alone ({@code usdPerHour at u = 1 × busy
 * hours / tokens}): the optimistic figure usage-based cost comparisons give. Owned hardware splits
 * its energy into idle (idle watts over every paid hour) and dynamic (busy minus idle watts over busy
 * hours). Unrounded; round with {@link Money} when shown.
 *
 * @param curve the day's shape
 * @param utilisation the busy share allowed in the busiest hour
 * @param devices devices (or tensor-parallel groups) bought
 * @param busyHoursPerMonth device-hours of work the month needs
 * @param achievedUtilisation busy hours over paid hours of the fleet
 * @param usdPerDeviceHour one device's paid hour at the achieved utilisation (owned: energy at that duty cycle)
 * @param usdPerMonth the fleet, every hour of a 30-day month
 * @param effectiveUsdPerMillion the fleet's month per 1M tokens of the workload's mix
 * @param busyOnlyUsdPerMillion busy device-hours only, per 1M tokens: optimistic
 * @param energy the owned fleet's idle and dynamic energy; empty for rented hardware or without watts
 */
public record FleetSizing(LoadCurve curve, double utilisation, long devices, double busyHoursPerMonth, double achievedUtilisation,
        BigDecimal usdPerDeviceHour, BigDecimal usdPerMonth, BigDecimal effectiveUsdPerMillion, BigDecimal busyOnlyUsdPerMillion,
        Optional<Energy> energy) {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * An owned fleet's month of energy, facility overhead (PUE) included in the dollars.
     *
     * @param idleWatts per device (group); the busy draw when the profile gives no idle figure
     * @param busyWatts per device (group)
     * @param idleKwhPerMonth idle watts over every paid hour of the fleet
     * @param dynamicKwhPerMonth (busy − idle) watts over busy hours
     * @param idleWattsSource where the idle figure comes from, in words
     */
    public record Energy(double idleWatts, double busyWatts, double idleKwhPerMonth, double dynamicKwhPerMonth, BigDecimal idleUsdPerMonth,
            BigDecimal dynamicUsdPerMonth, String idleWattsSource) {}

    /**
     * Sizes and prices the fleet.
     *
     * @param devicesUsed devices of the profile one serving unit takes (1, or a tensor-parallel group)
     * @param busyPower a measured busy draw of those devices; null for the profile's watts
     */
    public static FleetSizing of(Workload w, MeasuredThroughput t, LoadCurve curve, double utilisation, HardwareProfile profile,
            HourlyCost.RentalPrice price, int devicesUsed, HourlyCost.BusyPower busyPower) {
        double busySeconds = t.busySeconds(w.inputTokensPerMonth(), w.outputTokensPerMonth());
        long devices = curve.devicesNeeded(busySeconds, utilisation);
        double busyHours = busySeconds / 3600.0;
        double achieved = Math.min(1.0, busyHours / (devices * 720.0));
        HourlyCost atAchieved = HourlyCost.of(profile, price, devicesUsed, achieved, busyPower);
        HourlyCost busy = HourlyCost.of(profile, price, devicesUsed, 1.0, busyPower);
        BigDecimal month = atAchieved.usdPerHour().multiply(ApiComparison.HOURS_PER_MONTH, MC).multiply(BigDecimal.valueOf(devices), MC);
        BigDecimal tokens = BigDecimal.valueOf(w.inputTokensPerMonth() + w.outputTokensPerMonth());
        BigDecimal effective = month.multiply(MILLION, MC).divide(tokens, MC);
        BigDecimal busyOnly = busy.usdPerHour().multiply(BigDecimal.valueOf(busyHours), MC).multiply(MILLION, MC).divide(tokens, MC);
        Optional<Energy> energy = Optional.empty();
        if (profile instanceof HardwareProfile.Owned o && busy.averageWatts().isPresent()) {
            double busyWatts = busy.averageWatts().getAsDouble();
            OptionalDouble idle = HourlyCost.idleWatts(profile, devicesUsed, busyPower);
            double idleWatts = idle.orElse(busyWatts);
            double idleKwh = idleWatts * devices * 720.0 / 1000.0;
            double dynamicKwh = Math.max(0, busyWatts - idleWatts) * busyHours / 1000.0;
            String source = profile.idleWatts() != null ? "the profile's idleWatts"
                    : "none in the profile: idle hours drawn at the busy figure (the cautious rule)";
            energy = Optional.of(new Energy(idleWatts, busyWatts, idleKwh, dynamicKwh, kwhUsd(o, idleKwh), kwhUsd(o, dynamicKwh), source));
        }
        return new FleetSizing(curve, utilisation, devices, busyHours, achieved, atAchieved.usdPerHour(), month, effective, busyOnly, energy);
    }

    private static BigDecimal kwhUsd(HardwareProfile.Owned o, double kwh) {
        return BigDecimal.valueOf(kwh * o.pue()).multiply(o.usdPerKwh(), MC);
    }
}
