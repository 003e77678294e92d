package dev.unitcost.telemetry;

/**
 * Whose energy a device figure is: the run's, or the host's beside it. Only {@link #RUN} figures
 * enter a run's totals and joules per token; the others are shown as such, and in the host total.
 */
public enum EnergyScope {
    /** A device the run used (the caller names them: {@code cpu}, {@code gpu0}, …). */
    RUN("run"),
    /** Another device of the host that stayed idle through the counted phases (utilisation ≤ 5%). */
    HOST_IDLE("host-idle"),
    /** Another device of the host that was busy, or whose utilisation was not sampled. */
    HOST_OTHER("host-other");

    private final String label;

    EnergyScope(String label) {
        this.label = label;
    }

    /** The label shown in reports: {@code run}, {@code host-idle} or {@code host-other}. */
    public String label() {
        return label;
    }
}
