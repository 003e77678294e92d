package dev.unitcost.telemetry.nvml;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The few NVML calls we use, in NVML's own units, with no JNA types: the seam between the
 * sampler and the native library, so aggregation can be tested on recorded values.
 *
 * <p>Lifecycle: an instance is an initialised NVML ({@code nvmlInit}); {@link #close()} shuts
 * it down ({@code nvmlShutdown}) and is idempotent. A query a device does not support (for
 * example total energy before Volta) returns empty, never 0. Used from one thread at a time.
 */
public interface NvmlLibrary extends AutoCloseable {

    /** Opens (initialises) NVML, or says why it cannot. */
    @FunctionalInterface
    interface Opener {
        NvmlLibrary open() throws NvmlUnavailableException;
    }

    /** {@code NVML_FI_DEV_TOTAL_ENERGY_CONSUMPTION} (nvml.h): the energy counter, mJ since the driver loaded. */
    int FIELD_TOTAL_ENERGY_CONSUMPTION = 83;
    /** {@code NVML_FI_DEV_POWER_AVERAGE} (nvml.h): power averaged over 1 s, mW (Ampere and newer). */
    int FIELD_POWER_AVERAGE = 185;
    /** {@code NVML_FI_DEV_POWER_INSTANT} (nvml.h): current board power, mW; follows the load. */
    int FIELD_POWER_INSTANT = 186;

    int deviceCount();

    /** The product name, e.g. {@code NVIDIA H100 80GB HBM3}; empty when it cannot be read. */
    String name(int gpu);

    /** {@code nvmlDeviceGetPowerUsage}: board power in milliwatts (a 1 s average on Ampere and newer). */
    OptionalLong powerMilliwatts(int gpu);

    /** {@code nvmlDeviceGetTotalEnergyConsumption}: millijoules since the driver loaded (Volta+). */
    OptionalLong totalEnergyMillijoules(int gpu);

    /**
     * {@code nvmlDeviceGetFieldValues}: several fields of one GPU in one driver call. Writes field
     * {@code fieldIds[i]}'s value, in NVML's unit for it, to {@code values[i]}, and sets bit
     * {@code i} of the result when that field was read; a field the GPU or driver lacks leaves its
     * bit clear (and its value untouched). Returns 0 when the call itself is missing or failed.
     * At most 64 fields; allocates nothing, so it can run every sample.
     */
    long fieldValues(int gpu, int[] fieldIds, double[] values);

    /** {@code nvmlDeviceGetUtilizationRates().gpu}: percent of time a kernel ran, 0..100. */
    OptionalInt utilizationPercent(int gpu);

    /** {@code nvmlDeviceGetMemoryInfo().used}, bytes. */
    OptionalLong memoryUsedBytes(int gpu);

    /** {@code nvmlDeviceGetClockInfo(NVML_CLOCK_SM)}, MHz. */
    OptionalInt smClockMhz(int gpu);

    /** {@code nvmlDeviceGetTemperature(NVML_TEMPERATURE_GPU)}, °C. */
    OptionalInt temperatureCelsius(int gpu);

    @Override
    void close();
}
