package dev.unitcost.result;

import dev.unitcost.cost.HardwareProfile;
import dev.unitcost.cost.HourlyCost;
import dev.unitcost.cost.MeasuredDevices;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.PriceInterval;
import dev.unitcost.cost.PricePoint;
import dev.unitcost.cost.PriceSheet;
import dev.unitcost.cost.Pricing;
import dev.unitcost.cost.ProfileChoice;
import dev.unitcost.cost.RateCard;
import dev.unitcost.cost.TokenCosts;
import dev.unitcost.telemetry.EnergyMethod;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run measured, versioned: one header, one task result, and its pricing. Costs and
 * renderings are pure functions of this record, so stored reports can be re-priced without re-running.
 *
 * <p>Schema changes bump {@link #SCHEMA_VERSION}; the JSON form is sealed by golden-file tests, and
 * older versions are read through {@link LegacyReports}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param header ids, times, config, provenance, model, telemetry, energy
 * @param result what the task measured
 * @param cost the pricing, with the whole hardware profile it used; null when nothing ran or it was not priced
 */
public record RunReport(int schemaVersion, RunHeader header, TaskResult result, PriceSheet cost) {

    /** 2: one header and a sealed task result; one price sheet with the full hardware profile. */
    public static final int SCHEMA_VERSION = 2;

    public RunReport {
        if (header == null || result == null) {
            throw new IllegalArgumentException("a report needs a header and a task result");
        }
    }

    public String runId() {
        return header.runId();
    }

    /** The same report with another header (unpriced: a price sheet belongs to one set of measurements). */
    public RunReport withHeader(RunHeader newHeader) {
        return new RunReport(schemaVersion, newHeader, result, null);
    }

    /** The same header with another task result (unpriced). */
    public RunReport withResult(TaskResult newResult) {
        return new RunReport(schemaVersion, header, newResult, null);
    }

    /**
     * This report priced on {@code hardware} through the one pricing path: measured energy (not an
     * estimate) replaces the profile's watts, whatever the task.
     *
     * @param choice why {@code hardware}: it describes the measured devices, or it was asked for as another machine's
     * @throws IllegalArgumentException when no point succeeded
     */
    public RunReport priced(HardwareProfile hardware, List<RateCard> cards, double utilisation, ProfileChoice choice) {
        PriceSheet sheet = Pricing.price(result.pricePoints(runId()), result.apiMode(), hardware, cards, utilisation, busyPower(),
                choice);
        return new RunReport(schemaVersion, header, result, sheet);
    }

    /**
     * The throughput of the point every price is set against ({@link Pricing#bestIndex}).
     *
     * @throws IllegalArgumentException when no point succeeded
     */
    public MeasuredThroughput bestThroughput() {
        List<PricePoint> points = result.pricePoints(runId());
        if (points.isEmpty()) {
            throw new IllegalArgumentException("report " + runId() + " has no successful point");
        }
        return points.get(Pricing.bestIndex(points)).throughput();
    }

    /** Each repetition's throughput at the best point ({@link #bestThroughput}); empty when the kind keeps none. */
    public List<MeasuredThroughput> bestRepetitionThroughputs() {
        List<PricePoint> points = result.pricePoints(runId());
        if (points.isEmpty()) {
            throw new IllegalArgumentException("report " + runId() + " has no successful point");
        }
        return result.repetitionThroughputs(points.get(Pricing.bestIndex(points)));
    }

    /**
     * The 95% interval of the best point's self-hosted blended price at its own mix, each measured repetition priced
     * alone as the report's price sheet prices the point (its profile, utilisation and busy power); empty for an
     * unpriced report or a point with fewer than two repetitions. Derived, never stored: the repetitions are.
     */
    public Optional<PriceInterval> bestPriceInterval() {
        if (cost == null) {
            return Optional.empty();
        }
        List<MeasuredThroughput> reps = bestRepetitionThroughputs();
        if (reps.size() < 2) {
            return Optional.empty();
        }
        HourlyCost hourly = HourlyCost.of(cost.hardware(), HourlyCost.RentalPrice.ON_DEMAND, 1, cost.utilisation(),
                busyPower().orElse(null));
        Double mix = cost.best().inputPerOutput(); // null for input-only tasks, whose prices ignore the mix
        return Optional.of(PriceInterval.of(hourly, reps, mix == null ? TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT : mix, cost.utilisation(), "each of " + reps.size()
                + " repetitions at the best point priced alone, Student's t interval of the mean"));
    }

    /**
     * The devices the run used, as its header records them: the machine's logical CPUs, or the GPU of its device.
     */
    public MeasuredDevices measuredDevices() {
        Provenance p = header.provenance();
        int threads = p.logicalCores();
        String device = header.model().session().device();
        String gpu = null;
        if (device != null && device.startsWith("cuda")) {
            int index = device.contains(":") ? Integer.parseInt(device.substring(device.indexOf(':') + 1)) : 0;
            gpu = index < p.gpuNames().size() ? p.gpuNames().get(index) : "GPU " + device + " (name not recorded)";
        }
        return new MeasuredDevices(p.cpuModel(), Math.max(1, threads), gpu);
    }

    /**
     * The run's own mean draw over its counted phases, labelled with how it was obtained; empty when
     * the report has no energy figure or only an estimate (an estimate is no better than the profile's own watts).
     */
    public Optional<HourlyCost.BusyPower> busyPower() {
        var energy = header.energy();
        if (energy == null || energy.method() == null || energy.meanWatts().isEmpty() || !(energy.meanWatts().getAsDouble() > 0)
                || energy.method() == EnergyMethod.ESTIMATED) {
            return Optional.empty();
        }
        return Optional.of(new HourlyCost.BusyPower(energy.meanWatts().getAsDouble(),
                energy.method().label() + " (report " + runId() + ")"));
    }
}
