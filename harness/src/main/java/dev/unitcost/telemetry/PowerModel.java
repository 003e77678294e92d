package dev.unitcost.telemetry;

/**
 * A power model for when nothing can be measured: each component draws its idle watts plus
 * the span to its maximum scaled by measured utilisation, and memory draws a constant.
 *
 * <p>{@code watts = cpuIdle + (cpuMax − cpuIdle) × cpuLoad + Σ_gpu [gpuIdle + (gpuMax − gpuIdle)
 * × gpuUtil] + memory}. GPU figures are per device. The result is an estimate and every figure
 * derived from it is labelled {@link EnergyMethod#ESTIMATED} with {@link #basis()} beside it.
 *
 * @param cpuIdleWatts CPU draw at 0 load (whole machine's CPUs)
 * @param cpuMaxWatts CPU draw at full load (≥ idle)
 * @param gpuIdleWatts one GPU's draw at 0 utilisation
 * @param gpuMaxWatts one GPU's draw at full utilisation (≥ idle)
 * @param memoryWatts constant draw of memory
 * @param basis where the figures come from, in words (shown in reports)
 */
public record PowerModel(
        double cpuIdleWatts, double cpuMaxWatts, double gpuIdleWatts, double gpuMaxWatts,
        double memoryWatts, String basis) {

    /** CodeCarbon's fallback when a CPU's TDP is unknown: 4 W per hardware thread. */
    public static final double CODECARBON_WATTS_PER_CPU_THREAD = 4.0;
    /** CodeCarbon's fallback for memory: 3 W per 8 GB of RAM. */
    public static final double CODECARBON_WATTS_PER_8_GB = 3.0;

    public PowerModel {
        nonNegative(cpuIdleWatts, "cpuIdleWatts");
        nonNegative(cpuMaxWatts, "cpuMaxWatts");
        nonNegative(gpuIdleWatts, "gpuIdleWatts");
        nonNegative(gpuMaxWatts, "gpuMaxWatts");
        nonNegative(memoryWatts, "memoryWatts");
        if (cpuMaxWatts < cpuIdleWatts) {
            throw new IllegalArgumentException("cpuMaxWatts " + cpuMaxWatts + " is below cpuIdleWatts " + cpuIdleWatts);
        }
        if (gpuMaxWatts < gpuIdleWatts) {
            throw new IllegalArgumentException("gpuMaxWatts " + gpuMaxWatts + " is below gpuIdleWatts " + gpuIdleWatts);
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("a power model must say what it is based on");
        }
    }

    /**
     * CodeCarbon's fallback for a machine with {@code cpuThreads} hardware threads and {@code
     * memoryBytes} of RAM: 4 W per thread at full load, scaled linearly from 0 W at no load (no
     * idle floor, as in CodeCarbon's load-based mode), 3 W per 8 GB of RAM (8 × 10⁹ bytes)
     * constant, no GPU.
     */
    public static PowerModel codeCarbonFallback(int cpuThreads, long memoryBytes) {
        if (cpuThreads <= 0) {
            throw new IllegalArgumentException("cpuThreads must be > 0, got " + cpuThreads);
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes must be >= 0, got " + memoryBytes);
        }
        double cpuMax = CODECARBON_WATTS_PER_CPU_THREAD * cpuThreads;
        double memoryGb = memoryBytes / 1e9;
        double memory = CODECARBON_WATTS_PER_8_GB * memoryGb / 8.0;
        String basis = String.format(java.util.Locale.ROOT,
                "CodeCarbon fallback: %d CPU threads x 4 W = %.1f W at full load, scaled by measured CPU load"
                        + " from 0 W; %.1f GB RAM x 3 W per 8 GB = %.2f W constant; no GPU",
                cpuThreads, cpuMax, memoryGb, memory);
        return new PowerModel(0.0, cpuMax, 0.0, 0.0, memory, basis);
    }

    /** CPU watts at {@code load} (0..1; values outside are clamped, a sampler can overshoot). */
    public double cpuWatts(double load) {
        return cpuIdleWatts + (cpuMaxWatts - cpuIdleWatts) * clamp(load);
    }

    /** One GPU's watts at {@code utilisation} (0..1, clamped). */
    public double gpuWatts(double utilisation) {
        return gpuIdleWatts + (gpuMaxWatts - gpuIdleWatts) * clamp(utilisation);
    }

    /** True when the model says anything about GPUs. */
    public boolean coversGpus() {
        return gpuMaxWatts > 0;
    }

    private static double clamp(double f) {
        return Math.max(0.0, Math.min(1.0, f));
    }

    private static void nonNegative(double v, String field) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + v);
        }
    }
}
