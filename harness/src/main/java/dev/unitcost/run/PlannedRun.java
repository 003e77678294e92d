package dev.unitcost.run;

import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.RateCard;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.telemetry.PowerModel;
import dev.unitcost.telemetry.TelemetrySampler;
import dev.unitcost.workload.Workload;
import java.time.Duration;
import java.util.List;

/**
 * A run that passed every check: every file read, every name resolved. {@link Runner} executes it.
 *
 * @param modelArgument the model reference as given, echoed into the report
 * @param task the kind-specific part
 * @param workload the workload as it will run (overrides applied)
 * @param engineName engine that runs it
 * @param engineOptions session settings
 * @param samplers available samplers, started around the measurement
 * @param sampleInterval their interval
 * @param powerModel for energy nothing measured: a model of this machine
 * @param pricing how the report is priced once measured; null when no profile describes the devices the run uses
 * @param measured the devices the run uses, as a hardware profile must describe them
 */
public record PlannedRun(
        String modelArgument, TaskRun task, Workload workload, String engineName, EngineOptions engineOptions,
        List<TelemetrySampler> samplers, Duration sampleInterval, PowerModel powerModel, Pricing pricing, MeasuredDevices measured) {

    public PlannedRun {
        samplers = List.copyOf(samplers);
    }

    /**
     * The profile, rate cards and duty cycle a run is priced with.
     *
     * @param choice why this profile (and the measured devices when it is another machine's)
     */
    public record Pricing(HardwareProfile hardware, List<RateCard> cards, double utilisation, ProfileChoice choice) {
        public Pricing {
            cards = List.copyOf(cards);
        }
    }
}
