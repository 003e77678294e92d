package dev.unitcost.result;

import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.telemetry.DeviceEnergy;
import dev.unitcost.telemetry.EnergyMethod;
import dev.unitcost.telemetry.EnergyReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reports for history tests: one embedding point at a chosen rate, started at a chosen time. */
public final class HistoryReports {

    static final HardwareProfile RENTED = new HardwareProfile.Rented("rent-299", null, "test", LocalDate.of(2026, 11, 30),
            new BigDecimal("2.99"), null, null, 1, null, null, null, null, null, null, new HardwareProfile.Machine("cpu", 2, null));

    private HistoryReports() {}

    /** An unpriced run of model {@code m} on workload {@code w} at {@code tokensPerSecond}, started {@code minute} minutes into 2026-11-23. */
    public static RunReport run(String runId, int minute, double tokensPerSecond) {
        RunReport r = RunReports.withThroughputs(runId, 8, tokensPerSecond, tokensPerSecond, tokensPerSecond);
        RunHeader h = r.header();
        Instant start = Instant.parse("2026-11-23T00:00:00Z").plusSeconds(60L * minute);
        return r.withHeader(new RunHeader(runId, start, start.plusSeconds(30), h.config(), h.provenance(), h.model(), h.metricDefinitions(),
                h.telemetry(), h.energy()));
    }

    /** The same run priced on {@link #RENTED}. */
    public static RunReport priced(RunReport r) {
        return r.priced(RENTED, List.of(), 1.0, null);
    }

    /** The same run (unpriced) with a measured {@code joulesPerToken}. */
    public static RunReport withJoulesPerToken(RunReport r, double joulesPerToken) {
        EnergyReport energy = new EnergyReport(List.of(new DeviceEnergy("cpu-package", EnergyMethod.MEASURED, "RAPL energy_uj",
                Map.of("run", 10.0), 10.0, OptionalDouble.of(1.0), OptionalDouble.empty())), List.of(), OptionalDouble.of(10),
                EnergyMethod.MEASURED, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.of(joulesPerToken), Map.of(), List.of());
        return r.withHeader(r.header().withEnergy(energy));
    }
}
