package dev.unitcost.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What the devices a run used cost per paid hour, with the energy behind it.
 *
 * <p>A profile prices a whole machine; a run uses {@code devicesUsed} of its {@code devices}, and
 * pays that share. Energy at duty cycle u is {@code u × busy watts + (1 − u) × idle watts}; busy
 * watts are the run's measured draw when given (taken as the draw of the devices used), else the
 * profile's {@code watts} shared the same way; idle watts default to busy watts when the profile
 * gives none (idle hours are then charged as loaded ones: the cautious choice).
 *
 * @param usdPerHour cost of one paid hour of the devices used (unrounded)
 * @param averageWatts average draw over paid hours, before PUE; empty when nothing says
 * @param gCO2PerHour emissions per paid hour at the profile's grid intensity and PUE; empty when
 *     either the watts or the intensity is unknown
 * @param basis the inputs, in words: profile name and asOf, price used, energy source
 */
public record HourlyCost(BigDecimal usdPerHour, OptionalDouble averageWatts, OptionalDouble gCO2PerHour, String basis) {

    private static final MathContext MC = MathContext.DECIMAL64;

    public HourlyCost {
        HardwareProfile.Checks.nonNegative(usdPerHour, "usdPerHour");
        averageWatts = averageWatts == null ? OptionalDouble.empty() : averageWatts;
        gCO2PerHour = gCO2PerHour == null ? OptionalDouble.empty() : gCO2PerHour;
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("required: basis (what the hourly cost is made of)");
        }
    }

    /** A bare hourly figure with no energy behind it (e.g. a price given on the command line). */
    public static HourlyCost given(BigDecimal usdPerHour, String basis) {
        return new HourlyCost(usdPerHour, OptionalDouble.empty(), OptionalDouble.empty(), basis);
    }

    /** Which rented price to use. */
    public enum RentalPrice { ON_DEMAND, SPOT, RESERVED }

    /**
     * A measured draw of the devices a run used, while busy.
     *
     * @param watts average draw while busy
     * @param method how it was obtained ({@code measured}, {@code integrated}, {@code estimated})
     */
    public record BusyPower(double watts, String method) {
        public BusyPower {
            if (!(watts > 0) || Double.isInfinite(watts)) {
                throw new IllegalArgumentException("watts must be > 0 and finite, got " + watts);
            }
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("required: method (how the power was obtained)");
            }
        }
    }

    /**
     * The hourly cost of {@code devicesUsed} devices of {@code profile} at duty cycle {@code utilisation}.
     *
     * @param busyPower the run's own draw while busy; null to use the profile's watts
     */
    public static HourlyCost of(HardwareProfile profile, RentalPrice price, int devicesUsed, double utilisation,
            BusyPower busyPower) {
        CostModel.checkUtilisation(utilisation);
        if (devicesUsed < 1 || devicesUsed > profile.devices()) {
            throw new IllegalArgumentException("devicesUsed must be in [1, " + profile.devices() + "] for "
                    + profile.name() + ", got " + devicesUsed);
        }
        double share = devicesUsed / (double) profile.devices();
        OptionalDouble watts = averageWatts(profile, share, utilisation, busyPower);
        double pue = profile.pue() == null ? 1.0 : profile.pue();
        OptionalDouble carbon = watts.isPresent() && profile.gCO2PerKwh() != null
                ? OptionalDouble.of(watts.getAsDouble() / 1000.0 * pue * profile.gCO2PerKwh())
                : OptionalDouble.empty();
        BigDecimal usd;
        String what;
        if (profile instanceof HardwareProfile.Rented r) {
            BigDecimal machine = rentalPrice(r, price);
            usd = machine.multiply(BigDecimal.valueOf(share), MC);
            what = "rented " + price.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " USD " + machine.toPlainString()
                    + "/h per machine";
        } else {
            HardwareProfile.Owned o = (HardwareProfile.Owned) profile;
            BigDecimal fixed = OwnedCost.capexPerHour(o).add(OwnedCost.hostingPerHour(o), MC)
                    .multiply(BigDecimal.valueOf(share), MC);
            usd = fixed.add(OwnedCost.energyPerHour(o, watts.orElseThrow()), MC);
            what = String.format(Locale.ROOT, "owned: capex USD %s per machine over %s y%s, hosting USD %s/month per machine,"
                    + " energy %s W average for the devices used x PUE %s x USD %s/kWh",
                    o.capexUsd().toPlainString(), fmt(o.lifeYears()),
                    o.costOfCapital() == null ? "" : " at " + fmt(o.costOfCapital()) + "/y cost of capital",
                    o.hostingUsdPerMonth().toPlainString(), watts(watts.getAsDouble()), fmt(o.pue()), o.usdPerKwh().toPlainString());
        }
        String energy = busyPower != null ? busyPower.method() + " " + watts(busyPower.watts()) + " W busy"
                : profile.watts() != null ? "profile watts" : "no energy figure";
        String basis = String.format(Locale.ROOT, "%s (asOf %s): %s; %d of %d devices; utilisation %s; energy: %s",
                profile.name(), profile.asOf(), what, devicesUsed, profile.devices(), fmt(utilisation), energy);
        return new HourlyCost(usd, watts, carbon, basis);
    }

    /**
     * The draw of {@code devicesUsed} devices of {@code profile} while idle: the profile's
     * {@code idleWatts} shared, else the busy draw (idle hours charged as loaded ones, the cautious
     * rule {@link #of} follows); empty when nothing gives a busy draw either.
     */
    public static OptionalDouble idleWatts(HardwareProfile profile, int devicesUsed, BusyPower busyPower) {
        double share = devicesUsed / (double) profile.devices();
        if (profile.idleWatts() != null) {
            return OptionalDouble.of(profile.idleWatts() * share);
        }
        return averageWatts(profile, share, 1.0, busyPower);
    }

    private static OptionalDouble averageWatts(HardwareProfile p, double share, double utilisation, BusyPower busy) {
        Double profileBusy = p.watts() == null ? null : p.watts() * share;
        Double b = busy != null ? Double.valueOf(busy.watts()) : profileBusy;
        if (b == null) {
            return OptionalDouble.empty();
        }
        double idle = p.idleWatts() != null ? p.idleWatts() * share : b;
        return OptionalDouble.of(utilisation * b + (1 - utilisation) * idle);
    }

    private static BigDecimal rentalPrice(HardwareProfile.Rented r, RentalPrice price) {
        BigDecimal p = switch (price) {
            case ON_DEMAND -> r.usdPerHour();
            case SPOT -> r.spotUsdPerHour();
            case RESERVED -> r.reservedUsdPerHour();
        };
        if (p == null) {
            throw new IllegalArgumentException(r.name() + " has no " + price.name().toLowerCase(Locale.ROOT) + " price");
        }
        return p;
    }

    /** Watts to one decimal, trailing zeros dropped (500 W, 17.5 W). */
    static String watts(double v) {
        return BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static String fmt(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
