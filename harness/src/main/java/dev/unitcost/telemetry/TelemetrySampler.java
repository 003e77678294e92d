package dev.unitcost.telemetry;

import java.time.Duration;

/**
 * One source of machine readings (OSHI, RAPL, NVML, an estimate). Implementations are listed
 * in {@link Samplers} and chosen by {@link #availability()}.
 */
public interface TelemetrySampler {

    /** Short name, recorded with every trace it returns ({@code oshi}, {@code rapl}, {@code nvml}). */
    String name();

    /** Whether it can sample here, and if not, why (for {@code unitcost doctor} and the report). */
    Availability availability();

    /**
     * Starts sampling on a background daemon thread every {@code interval}. The caller must
     * {@link SamplingSession#stop() stop} the session (try-with-resources closes it).
     */
    SamplingSession start(Duration interval);
}
