package dev.unitcost.cost;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A costing scenario: a file under {@code profiles/scenarios/} with one workload, the APIs it could
 * go to, and the self-hosted options, each priced by {@code unitcost cost --scenario NAME}.
 *
 * @param name the file's name
 * @param source where the workload and prices come from
 * @param asOf when they were true
 * @param utilisation the busy share allowed in the busiest hour
 * @param loadCurve {@code flat}, {@code business-hours}, {@code diurnal} or a file of 24 hourly volumes
 * @param apis API options, priced per 1M tokens
 * @param selfHosted self-hosted options
 */
public record Scenario(String name, String description, String source, LocalDate asOf, long users, long requestsPerDay, long inputTokens,
        long outputTokens, double utilisation, String loadCurve, List<Api> apis, List<SelfHosted> selfHosted) {

    @JsonCreator
    public Scenario {
        HardwareProfile.Checks.required(name, "name");
        HardwareProfile.Checks.required(source, "source");
        HardwareProfile.Checks.required(asOf, "asOf");
        new Workload(users, requestsPerDay, inputTokens, outputTokens); // the same checks as the command's
        CostModel.checkUtilisation(utilisation);
        loadCurve = loadCurve == null ? "flat" : loadCurve;
        apis = apis == null ? List.of() : List.copyOf(apis);
        selfHosted = selfHosted == null ? List.of() : List.copyOf(selfHosted);
        if (apis.isEmpty() && selfHosted.isEmpty()) {
            throw new IllegalArgumentException("required: apis or selfHosted (at least one option)");
        }
    }

    public Workload workload() {
        return new Workload(users, requestsPerDay, inputTokens, outputTokens);
    }

    /** An API option at given prices (USD per 1M tokens). */
    public record Api(String name, BigDecimal input, BigDecimal output) {
        @JsonCreator
        public Api {
            HardwareProfile.Checks.required(name, "apis.name");
            HardwareProfile.Checks.nonNegative(input, "apis.input");
            HardwareProfile.Checks.nonNegative(output, "apis.output");
        }
    }

    /**
     * A self-hosted option.
     *
     * @param model {@code twin:PRESET:QUANT}: the shape served (its facts project the throughput)
     * @param hardware a profile under profiles/hardware/
     * @param tensorParallel devices of the profile serving one copy of the model
     * @param tensorParallelEfficiency share of the devices' summed bandwidth and FLOP/s tensor parallelism keeps (an assumption)
     * @param run a stored run report of this model on this hardware: its measured throughput replaces the projection
     */
    public record SelfHosted(String model, String hardware, Integer tensorParallel, Double tensorParallelEfficiency, String run) {
        @JsonCreator
        public SelfHosted {
            HardwareProfile.Checks.required(model, "selfHosted.model");
            HardwareProfile.Checks.required(hardware, "selfHosted.hardware");
            tensorParallel = tensorParallel == null ? 1 : tensorParallel;
            tensorParallelEfficiency = tensorParallelEfficiency == null ? 1.0 : tensorParallelEfficiency;
            if (tensorParallel < 1) {
                throw new IllegalArgumentException("selfHosted.tensorParallel must be >= 1, got " + tensorParallel);
            }
            if (!(tensorParallelEfficiency > 0 && tensorParallelEfficiency <= 1)) {
                throw new IllegalArgumentException("selfHosted.tensorParallelEfficiency must be in (0, 1], got " + tensorParallelEfficiency);
            }
        }
    }
}
