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

    int deviceCount();

    /** The product name, e.g. {@code NVIDIA H100 80GB HBM3}; empty when it cannot be read. */
    String name(int gpu);

    /** {@code nvmlDeviceGetPowerUsage}: board power in milliwatts (a 1 s average on Ampere and newer). */
    OptionalLong powerMilliwatts(int gpu);

    /** {@code nvmlDeviceGetTotalEnergyConsumption}: millijoules since the driver loaded (Volta+). */
    OptionalLong totalEnergyMillijoules(int gpu);

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
