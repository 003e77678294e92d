package dev.unitcost.cost;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * What a machine costs per hour: rented by the hour, or owned and amortised. One YAML file
 * under {@code profiles/hardware/}, always with its source and the date it was true.
 *
 * <p>Prices and watts are for the whole machine (instance or server); {@link #devices()} says how
 * many accelerators (or CPU sockets) share them. A measured run is priced per device it used
 * (see {@link HourlyCost}). Optional fields are {@code null} when unknown, never zero; the shipped
 * profiles write unknowns as {@code null} explicitly, so a file says what it does not know.
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

    /** Accelerators (or CPU sockets) in the machine; 1 when not given. */
    Integer devices();

    /** Average draw of the whole machine under load, in watts; absent when not known. */
    Double watts();

    /** Draw of the whole machine when idle, in watts; absent when not known. */
    Double idleWatts();

    /** Power usage effectiveness of the facility (≥ 1); absent when not known. */
    Double pue();

    /** Grid carbon intensity where the machine runs, gCO2 per kWh; absent when not known. */
    Double gCO2PerKwh();

    /** Per-component idle/max watts for telemetry's energy estimates; absent when not known. */
    PowerEstimate power();

    /** Peak memory bandwidth of one device in bytes/s, for MBU; absent when not known. */
    Double peakMemoryBandwidthBytesPerSecond();

    /** The devices the price pays for, as a run measures them; absent when the profile does not say. */
    Machine machine();

    /** The {@link Device} (under profiles/devices/) one of the machine's devices is; absent when the profile does not say. */
    String device();

    /** Full cost of one hour of the whole machine, with energy at the profile's own watts. */
    BigDecimal usdPerHour();

    /** {@link #usdPerHour()} shared over the machine's devices. */
    default BigDecimal usdPerDeviceHour() {
        return usdPerHour().divide(BigDecimal.valueOf(devices()), MathContext.DECIMAL64);
    }

    /** {@code rented} or {@code owned}. */
    default String type() {
        return this instanceof Rented ? "rented" : "owned";
    }

    /**
     * Idle and maximum draw per component, for energy estimates when nothing can be measured.
     *
     * @param cpuIdleWatts the CPU package(s) at idle
     * @param cpuMaxWatts the CPU package(s) at full load (TDP)
     * @param gpuIdleWatts one GPU at idle
     * @param gpuMaxWatts one GPU at full load (board power)
     */
    record PowerEstimate(
            Double cpuIdleWatts,
            Double cpuMaxWatts,
            Double gpuIdleWatts,
            Double gpuMaxWatts) {
        public PowerEstimate {
            Checks.optionalPositive(cpuIdleWatts, "power.cpuIdleWatts");
            Checks.optionalPositive(cpuMaxWatts, "power.cpuMaxWatts");
            Checks.optionalPositive(gpuIdleWatts, "power.gpuIdleWatts");
            Checks.optionalPositive(gpuMaxWatts, "power.gpuMaxWatts");
        }
    }

    /**
     * What a profile's price pays for, in the terms a run measures, so a run is priced only on a
     * profile that describes the devices it used ({@link ProfileMatch}).
     *
     * @param cpu CPU family as its name reads ({@code Intel Xeon}, {@code AMD EPYC}); null when not stated
     * @param cpuThreads logical CPUs (vCPUs) of the machine; null when not stated
     * @param gpu GPU model as its name reads ({@code H200}, {@code H100 PCIe}, {@code A100 80GB}); null for a
     *     machine without GPUs. Every word must appear in the measured GPU's name; {@link HardwareProfile#devices()}
     *     says how many the machine has
     */
    record Machine(String cpu, Integer cpuThreads, String gpu) {
        public Machine {
            cpu = cpu == null || cpu.isBlank() ? null : cpu.strip();
            gpu = gpu == null || gpu.isBlank() ? null : gpu.strip();
            Checks.optionalPositive(cpuThreads, "machine.cpuThreads");
            if (cpu == null && cpuThreads == null && gpu == null) {
                throw new IllegalArgumentException("machine: give at least one of cpu, cpuThreads, gpu");
            }
        }
    }

    /**
     * Rented by the hour (cloud instance, GPU marketplace). Rent includes power; watts, PUE and
     * grid intensity serve energy and carbon estimates only.
     *
     * @param usdPerHour on-demand price of the whole instance
     * @param spotUsdPerHour spot / interruptible price, when offered
     * @param reservedUsdPerHour committed-use price per hour, when offered
     * @param devices accelerators (or CPU sockets) in the instance
     */
    record Rented(
            String name, String description, String source, LocalDate asOf,
            BigDecimal usdPerHour, BigDecimal spotUsdPerHour, BigDecimal reservedUsdPerHour,
            Integer devices, Double watts, Double idleWatts, Double pue, Double gCO2PerKwh,
            PowerEstimate power, Double peakMemoryBandwidthBytesPerSecond, Machine machine,
            @JsonInclude(JsonInclude.Include.NON_NULL) String device)
            implements HardwareProfile {
        @JsonCreator
        public Rented {
            device = device == null || device.isBlank() ? null : device.strip();
            Checks.common(name, source, asOf);
            Checks.nonNegative(usdPerHour, "usdPerHour");
            Checks.optionalNonNegative(spotUsdPerHour, "spotUsdPerHour");
            Checks.optionalNonNegative(reservedUsdPerHour, "reservedUsdPerHour");
            devices = devices == null ? 1 : devices;
            Checks.positive(devices, "devices");
            Checks.optionalPositive(watts, "watts");
            Checks.optionalPositive(idleWatts, "idleWatts");
            Checks.optionalPue(pue);
            Checks.optionalNonNegative(gCO2PerKwh, "gCO2PerKwh");
            Checks.optionalPositive(peakMemoryBandwidthBytesPerSecond, "peakMemoryBandwidthBytesPerSecond");
        }

        /** The original eight-field form: on-demand price only. */
        public Rented(String name, String description, String source, LocalDate asOf,
                BigDecimal usdPerHour, Integer devices, Double watts, Double peakMemoryBandwidthBytesPerSecond) {
            this(name, description, source, asOf, usdPerHour, null, null, devices, watts, null, null, null, null,
                    peakMemoryBandwidthBytesPerSecond, null, null);
        }

        /** Every field but the device. */
        public Rented(String name, String description, String source, LocalDate asOf,
                BigDecimal usdPerHour, BigDecimal spotUsdPerHour, BigDecimal reservedUsdPerHour,
                Integer devices, Double watts, Double idleWatts, Double pue, Double gCO2PerKwh,
                PowerEstimate power, Double peakMemoryBandwidthBytesPerSecond, Machine machine) {
            this(name, description, source, asOf, usdPerHour, spotUsdPerHour, reservedUsdPerHour, devices, watts, idleWatts, pue,
                    gCO2PerKwh, power, peakMemoryBandwidthBytesPerSecond, machine, null);
        }

        /** Every field but the machine. */
        public Rented(String name, String description, String source, LocalDate asOf,
                BigDecimal usdPerHour, BigDecimal spotUsdPerHour, BigDecimal reservedUsdPerHour,
                Integer devices, Double watts, Double idleWatts, Double pue, Double gCO2PerKwh,
                PowerEstimate power, Double peakMemoryBandwidthBytesPerSecond) {
            this(name, description, source, asOf, usdPerHour, spotUsdPerHour, reservedUsdPerHour, devices, watts, idleWatts, pue,
                    gCO2PerKwh, power, peakMemoryBandwidthBytesPerSecond, null, null);
        }
    }

    /**
     * Owned hardware: capital amortised over its life, plus energy and hosting.
     *
     * @param capexUsd purchase price of the whole machine
     * @param lifeYears amortisation period in years (&gt; 0)
     * @param residualUsd what the machine is worth at the end of its life, when counted
     * @param costOfCapital yearly rate (0.08 = 8 %) for a capital-recovery annuity; absent or 0:
     *     straight line
     * @param watts average draw of the machine under load
     * @param pue power usage effectiveness of the facility (≥ 1)
     * @param usdPerKwh electricity price
     * @param hostingUsdPerMonth rack, network, support per month (30-day months)
     */
    record Owned(
            String name, String description, String source, LocalDate asOf,
            BigDecimal capexUsd, Double lifeYears, BigDecimal residualUsd, Double costOfCapital,
            Double watts, Double idleWatts, Double pue, BigDecimal usdPerKwh, BigDecimal hostingUsdPerMonth,
            Integer devices, Double gCO2PerKwh, PowerEstimate power, Double peakMemoryBandwidthBytesPerSecond, Machine machine,
            @JsonInclude(JsonInclude.Include.NON_NULL) String device)
            implements HardwareProfile {
        @JsonCreator
        public Owned {
            device = device == null || device.isBlank() ? null : device.strip();
            Checks.common(name, source, asOf);
            Checks.nonNegative(capexUsd, "capexUsd");
            Checks.positive(lifeYears, "lifeYears");
            Checks.optionalNonNegative(residualUsd, "residualUsd");
            if (residualUsd != null && residualUsd.compareTo(capexUsd) > 0) {
                throw new IllegalArgumentException("residualUsd must be <= capexUsd, got " + residualUsd);
            }
            if (costOfCapital != null && !(costOfCapital >= 0 && costOfCapital < 1)) {
                throw new IllegalArgumentException("costOfCapital must be a yearly rate in [0, 1), got " + costOfCapital);
            }
            Checks.positive(watts, "watts");
            Checks.optionalPositive(idleWatts, "idleWatts");
            Checks.required(pue, "pue");
            Checks.optionalPue(pue);
            Checks.nonNegative(usdPerKwh, "usdPerKwh");
            hostingUsdPerMonth = hostingUsdPerMonth == null ? BigDecimal.ZERO : hostingUsdPerMonth;
            Checks.nonNegative(hostingUsdPerMonth, "hostingUsdPerMonth");
            devices = devices == null ? 1 : devices;
            Checks.positive(devices, "devices");
            Checks.optionalNonNegative(gCO2PerKwh, "gCO2PerKwh");
            Checks.optionalPositive(peakMemoryBandwidthBytesPerSecond, "peakMemoryBandwidthBytesPerSecond");
        }

        /** The original twelve-field form: straight-line amortisation, no residual value. */
        public Owned(String name, String description, String source, LocalDate asOf,
                BigDecimal capexUsd, Double lifeYears, Double watts, Double pue, BigDecimal usdPerKwh,
                BigDecimal hostingUsdPerMonth, Integer devices, Double peakMemoryBandwidthBytesPerSecond) {
            this(name, description, source, asOf, capexUsd, lifeYears, null, null, watts, null, pue, usdPerKwh,
                    hostingUsdPerMonth, devices, null, null, peakMemoryBandwidthBytesPerSecond, null, null);
        }

        /** Every field but the device. */
        public Owned(String name, String description, String source, LocalDate asOf,
                BigDecimal capexUsd, Double lifeYears, BigDecimal residualUsd, Double costOfCapital,
                Double watts, Double idleWatts, Double pue, BigDecimal usdPerKwh, BigDecimal hostingUsdPerMonth,
                Integer devices, Double gCO2PerKwh, PowerEstimate power, Double peakMemoryBandwidthBytesPerSecond, Machine machine) {
            this(name, description, source, asOf, capexUsd, lifeYears, residualUsd, costOfCapital, watts, idleWatts, pue, usdPerKwh,
                    hostingUsdPerMonth, devices, gCO2PerKwh, power, peakMemoryBandwidthBytesPerSecond, machine, null);
        }

        /** Every field but the machine. */
        public Owned(String name, String description, String source, LocalDate asOf,
                BigDecimal capexUsd, Double lifeYears, BigDecimal residualUsd, Double costOfCapital,
                Double watts, Double idleWatts, Double pue, BigDecimal usdPerKwh, BigDecimal hostingUsdPerMonth,
                Integer devices, Double gCO2PerKwh, PowerEstimate power, Double peakMemoryBandwidthBytesPerSecond) {
            this(name, description, source, asOf, capexUsd, lifeYears, residualUsd, costOfCapital, watts, idleWatts, pue, usdPerKwh,
                    hostingUsdPerMonth, devices, gCO2PerKwh, power, peakMemoryBandwidthBytesPerSecond, null, null);
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
            if (!(value.doubleValue() > 0) || Double.isInfinite(value.doubleValue())) {
                throw new IllegalArgumentException(field + " must be > 0, got " + value);
            }
        }

        static void optionalNonNegative(BigDecimal value, String field) {
            if (value != null) {
                nonNegative(value, field);
            }
        }

        static void optionalNonNegative(Double value, String field) {
            if (value != null && !(value >= 0 && !value.isInfinite())) {
                throw new IllegalArgumentException(field + " must be >= 0, got " + value);
            }
        }

        static void optionalPositive(Number value, String field) {
            if (value != null) {
                positive(value, field);
            }
        }

        static void optionalPue(Double pue) {
            if (pue != null && !(pue >= 1.0 && pue < 10)) {
                throw new IllegalArgumentException("pue must be >= 1.0 (and < 10), got " + pue);
            }
        }
    }
}
