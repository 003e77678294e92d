package dev.unitcost.telemetry;

import dev.unitcost.telemetry.nvml.NvmlSampler;
import dev.unitcost.telemetry.rapl.RaplSampler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The samplers this build knows, in order of preference; callers keep the available ones.
 * Energy with nothing available is an estimate made afterwards ({@link EnergyAccount} with a
 * {@link PowerModel}), not a sampler.
 */
public final class Samplers {

    /** The sampling interval unless the user chooses another: 10 Hz costs under 1% of a core here. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private Samplers() {}

    /** OSHI, RAPL at the default powercap root, NVML. */
    public static List<TelemetrySampler> all() {
        return all(RaplSampler.DEFAULT_ROOT);
    }

    /** OSHI, RAPL reading {@code powercapRoot}, NVML. */
    public static List<TelemetrySampler> all(Path powercapRoot) {
        return List.of(new OshiSampler(), new RaplSampler(powercapRoot), new NvmlSampler());
    }
}
