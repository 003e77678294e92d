package dev.unitcost.telemetry;

/**
 * Energy of all devices in one phase.
 *
 * @param phase the phase's name
 * @param durationNanos its length
 * @param joules sum over devices
 * @param method the weakest method among the devices summed
 * @param countsTowardTotal false for warm-up
 */
public record PhaseEnergy(String phase, long durationNanos, double joules, EnergyMethod method, boolean countsTowardTotal) {

    public PhaseEnergy {
        if (method == null) {
            throw new IllegalArgumentException("a phase figure needs a method");
        }
    }
}
