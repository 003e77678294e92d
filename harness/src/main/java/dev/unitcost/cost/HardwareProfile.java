package dev.unitcost.cost;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * What a machine costs per hour: rented by the hour, or owned and amortised. One YAML file
 * under {@code profiles/hardware/}, always with its source and the date it was true.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HardwareProfile.Rented.class, name = "rented"),
    @JsonSubTypes.Type(value = HardwareProfile.Owned.class, name = "owned")
})
public sealed interface HardwareProfile permits HardwareProfile.Rented, HardwareProfile.Owned {

    String name();

    String description();

    String source();

    LocalDate asOf();

    /** Peak memory bandwidth of one device in bytes/s, for MBU; absent when not known. */
    Double peakMemoryBandwidthBytesPerSecond();

    /** Full cost of one hour of the whole machine, with energy at the profile's own watts. */
    BigDecimal usdPerHour();

    /**
     * Rented by the hour (cloud instance, GPU marketplace).
     *
     * @param usdPerHour on-demand price of the whole instance
     * @param devices accelerators (or CPU sockets) in the instance
     * @param watts typical draw of the instance, for energy estimates only (rent includes power)
     */
    record Rented(
            String name, String description, String source, LocalDate asOf,
            BigDecimal usdPerHour, Integer devices, Double watts, Double peakMemoryBandwidthBytesPerSecond)
            implements HardwareProfile {
        public Rented {
            Checks.common(name, source, asOf);
            Checks.nonNegative(usdPerHour, "usdPerHour");
            devices = devices == null ? 1 : devices;
            Checks.positive(devices, "devices");
            if (watts != null) {
                Checks.positive(watts, "watts");
            }
        }
    }

    /**
     * Owned hardware: capital amortised over its life, plus energy and hosting.
     *
     * @param capexUsd purchase price of the whole machine
     * @param lifeYears straight-line amortisation period
     * @param watts average draw of the machine under load
     * @param pue power usage effectiveness of the facility (≥ 1)
     * @param usdPerKwh electricity price
     * @param hostingUsdPerMonth rack, network, support per month (30-day months)
     */
    record Owned(
            String name, String description, String source, LocalDate asOf,
            BigDecimal capexUsd, Double lifeYears, Double watts, Double pue, BigDecimal usdPerKwh,
            BigDecimal hostingUsdPerMonth, Integer devices, Double peakMemoryBandwidthBytesPerSecond)
            implements HardwareProfile {
        public Owned {
            Checks.common(name, source, asOf);
            Checks.nonNegative(capexUsd, "capexUsd");
            Checks.positive(lifeYears, "lifeYears");
            Checks.positive(watts, "watts");
            Checks.required(pue, "pue");
            if (pue < 1.0) {
                throw new IllegalArgumentException("pue must be >= 1.0, got " + pue);
            }
            Checks.nonNegative(usdPerKwh, "usdPerKwh");
            hostingUsdPerMonth = hostingUsdPerMonth == null ? BigDecimal.ZERO : hostingUsdPerMonth;
            Checks.nonNegative(hostingUsdPerMonth, "hostingUsdPerMonth");
            devices = devices == null ? 1 : devices;
            Checks.positive(devices, "devices");
        }

        @Override
        public BigDecimal usdPerHour() {
            return OwnedCost.usdPerHour(this, watts);
        }
    }

    /** Shared field checks; messages name the field and the expectation. */
    final class Checks {
        private Checks() {}

        static void common(String name, String source, LocalDate asOf) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("required: name");
            }
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("required: source (where the figures come from)");
            }
            required(asOf, "asOf");
        }

        static void required(Object value, String field) {
            if (value == null) {
                throw new IllegalArgumentException("required: " + field);
            }
        }

        static void nonNegative(BigDecimal value, String field) {
            required(value, field);
            if (value.signum() < 0) {
                throw new IllegalArgumentException(field + " must be >= 0, got " + value.round(MathContext.DECIMAL64));
            }
        }

        static void positive(Number value, String field) {
            required(value, field);
            if (!(value.doubleValue() > 0)) {
                throw new IllegalArgumentException(field + " must be > 0, got " + value);
            }
        }
    }
}
