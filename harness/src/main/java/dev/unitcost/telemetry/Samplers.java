package dev.unitcost.telemetry;

import java.util.List;

/** The samplers this build knows, in order of preference; callers keep the available ones. */
public final class Samplers {

    private Samplers() {}

    public static List<TelemetrySampler> all() {
        return List.of(new OshiSampler());
    }
}
