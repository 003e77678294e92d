package dev.unitcost.telemetry;

import java.util.Locale;

/**
 * How an energy figure was obtained, from most to least trustworthy. Every energy figure carries
 * one; a figure that could not be obtained is absent, never zero.
 */
public enum EnergyMethod {
    /** Difference of a hardware energy counter (RAPL {@code energy_uj}, NVML total energy). */
    MEASURED,
    /** Trapezoid integral of sampled power readings (NVML power usage). */
    INTEGRATED,
    /** A power model scaled by measured utilisation; see the basis given with it. */
    ESTIMATED;

    /** The label shown in reports: {@code measured}, {@code integrated} or {@code estimated}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The less trustworthy of the two: a sum is only as good as its weakest part. */
    public EnergyMethod weakest(EnergyMethod other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
