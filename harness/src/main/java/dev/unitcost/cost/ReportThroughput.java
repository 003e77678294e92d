package dev.unitcost.cost;

import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import java.util.Comparator;

/** Measured throughput read from a stored run report. */
public final class ReportThroughput {

    private ReportThroughput() {}

    /**
     * The run's own mean draw over its counted phases, all devices it measured, labelled with how
     * it was obtained; empty when the report has no energy figure. Priced as the busy draw of the
     * devices the run used ({@link HourlyCost}).
     */
    public static java.util.Optional<HourlyCost.BusyPower> busyPower(RunReport report) {
        var energy = report.energy();
        if (energy == null || energy.method() == null || energy.meanWatts().isEmpty() || !(energy.meanWatts().getAsDouble() > 0)) {
            return java.util.Optional.empty();
        }
        if (energy.method() == dev.unitcost.telemetry.EnergyMethod.ESTIMATED) {
            // an estimate is no better than the profile's own figure (ARCHITECTURE: measured energy, else the profile)
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new HourlyCost.BusyPower(energy.meanWatts().getAsDouble(),
                energy.method().label() + " (report " + report.runId() + ")"));
    }

    /**
     * The report's best successful point (highest median tokens/s) as a throughput. Embedding
     * reports measure input tokens only, so the result has no output rate.
     *
     * @throws IllegalArgumentException when no point succeeded
     */
    public static MeasuredThroughput best(RunReport report) {
        if ("generation".equals(report.task())) {
            GenerationPoint best = GenerationRunPricing.bestPoint(report);
            if (best == null) {
                throw new IllegalArgumentException("report " + report.runId() + " has no successful point");
            }
            return GenerationRunPricing.throughput(report, best);
        }        PointResult best = report.points().stream().filter(PointResult::ok)
                .max(Comparator.comparingDouble(p -> p.tokensPerSecond().median()))
                .orElseThrow(() -> new IllegalArgumentException("report " + report.runId() + " has no successful point"));
        String label = String.format(java.util.Locale.ROOT, "report %s (%s, %s), batch %d: median of %d repetitions",
                report.runId(), report.task(), report.model().name(), best.batchSize(), best.repetitions().size());
        if (!"embedding".equals(report.task())) {
            throw new IllegalArgumentException("report " + report.runId() + " is a '" + report.task()
                    + "' run; only embedding reports can be read for throughput yet");
        }
        return MeasuredThroughput.inputOnly(best.tokensPerSecond().median(), label);
    }
}
