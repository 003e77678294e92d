package dev.unitcost.telemetry.nvml;

import dev.unitcost.telemetry.Availability;
import dev.unitcost.telemetry.PeriodicSamplingSession;
import dev.unitcost.telemetry.SamplingSession;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.telemetry.TelemetryTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * NVIDIA GPUs through NVML: the total-energy counter (Volta and newer; energy comes from it),
 * instantaneous power where the driver has the field (else {@code nvmlDeviceGetPowerUsage}, a
 * ~1 s average on Ampere and newer, as a labelled fallback), utilisation, memory, SM clock,
 * temperature. See {@link NvmlReader} for the series and the trace's series sources.
 *
 * <p>NVML is initialised once per session at {@link #start} and shut down when the session
 * stops. {@link #availability()} opens and closes it once to check.
 */
public final class NvmlSampler implements TelemetrySampler {

    private final NvmlLibrary.Opener opener;

    /** The real library through JNA. */
    public NvmlSampler() {
        this(JnaNvml::open);
    }

    /** A given library (a recorded one in tests). */
    public NvmlSampler(NvmlLibrary.Opener opener) {
        this.opener = opener;
    }

    @Override
    public String name() {
        return "nvml";
    }

    @Override
    public Availability availability() {
        try (NvmlLibrary nvml = opener.open()) {
            return nvml.deviceCount() > 0 ? Availability.yes() : Availability.no("NVML found no GPU");
        } catch (NvmlUnavailableException e) {
            return Availability.no(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("NVML failed: " + e);
        }
    }

    /** The GPUs' names, in NVML index order; empty when NVML cannot be opened. */
    public List<String> gpuNames() {
        List<String> names = new ArrayList<>();
        try (NvmlLibrary nvml = opener.open()) {
            for (int i = 0; i < nvml.deviceCount(); i++) {
                names.add(nvml.name(i));
            }
        } catch (NvmlUnavailableException | RuntimeException | LinkageError e) {
            return List.of();
        }
        return names;
    }

    /**
     * @throws IllegalStateException when NVML cannot be opened (the reason is the message)
     */
    @Override
    public SamplingSession start(Duration interval) {
        NvmlLibrary nvml;
        try {
            nvml = opener.open();
        } catch (NvmlUnavailableException e) {
            throw new IllegalStateException("NVML cannot sample: " + e.getMessage(), e);
        }
        try {
            NvmlReader reader = new NvmlReader(nvml);
            return new Session(new PeriodicSamplingSession(name(), interval, reader, reader.sources()), nvml);
        } catch (RuntimeException e) {
            nvml.close();
            throw e;
        }
    }

    /** Shuts NVML down once the sampling thread has stopped. */
    private static final class Session implements SamplingSession {
        private final SamplingSession inner;
        private final NvmlLibrary nvml;
        private boolean closed;

        Session(SamplingSession inner, NvmlLibrary nvml) {
            this.inner = inner;
            this.nvml = nvml;
        }

        @Override
        public void mark(String phase) {
            inner.mark(phase);
        }

        @Override
        public synchronized TelemetryTrace stop() {
            try {
                return inner.stop();
            } finally {
                if (!closed) {
                    closed = true;
                    nvml.close();
                }
            }
        }
    }
}
