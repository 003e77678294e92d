package dev.unitcost.cli;

import dev.unitcost.result.RunConfig;
import dev.unitcost.result.RunReport;
import dev.unitcost.synth.TwinCache;
import java.util.Optional;

/**
 * A stored run offered as the measured throughput of one model shape on one hardware profile
 * ({@code margins --run}, a scenario option's {@code run}): what it says it measured must be that
 * shape on that profile, or its throughput would price another model or machine under the word
 * "measured". A run of a twin names its preset; a run of a real model file cannot be matched by
 * name, so only its hardware is checked (its label carries the run id, which names the model).
 */
final class RunMatch {

    private RunMatch() {}

    /**
     * Why {@code report} is not a run of {@code preset} on {@code hardware}; empty when nothing it
     * records says otherwise.
     *
     * @param preset a twin preset name ({@code llama-3.1-8b}); null when the shape has none (only the hardware is checked)
     * @param hardware a hardware profile name ({@code runpod-h100-sxm})
     */
    static Optional<String> mismatch(RunReport report, String preset, String hardware) {
        RunConfig c = report.header().config();
        String model = c == null ? null : c.model();
        if (preset != null && model != null && TwinCache.isReference(model)) {
            String measured = TwinCache.modelLoad(model).name();
            if (!measured.equals(preset)) {
                return Optional.of("report " + report.runId() + " measured " + model + ", not the shape " + preset);
            }
        }
        String ranOn = ranOn(report).orElse(null);
        if (ranOn != null && !ranOn.equals(hardware)) {
            return Optional.of("report " + report.runId() + " was measured on " + ranOn + ", not " + hardware
                    + " (a throughput measured on one machine does not price another)");
        }
        return Optional.empty();
    }

    /** The hardware profile the run was priced on (or configured with); empty when it records none. */
    static Optional<String> ranOn(RunReport report) {
        RunConfig c = report.header().config();
        return Optional.ofNullable(report.cost() != null ? report.cost().hardware().name() : c == null ? null : c.hardwareProfile());
    }
}
