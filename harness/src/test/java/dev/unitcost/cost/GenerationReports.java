package dev.unitcost.cost;

import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.RunReports;
import dev.unitcost.metrics.GenerationLatencies;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.RunConfig;
import dev.unitcost.workload.GenerationWorkload;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import dev.unitcost.telemetry.DeviceEnergy;
import dev.unitcost.telemetry.EnergyMethod;
import dev.unitcost.telemetry.EnergyReport;
import dev.unitcost.telemetry.PhaseEnergy;

/** Hand-built generation reports for pricing tests. */
public final class GenerationReports {

    private GenerationReports() {}

    /** A point of three identical repetitions: {@code batch} sequences of {@code in} prompt and {@code out} output tokens. */
    public static GenerationPoint point(int batch, int in, int out, long prefillNanos, long decodeNanos) {
        long e2e = prefillNanos + decodeNanos;
        GenerationRepetition rep = new GenerationRepetition(batch, (long) batch * in, (long) batch * out, prefillNanos,
                decodeNanos, e2e, e2e, e2e);
        // one request per point, its tokens spread evenly over the decode time, for the renderers' latency columns
        long[] tokens = new long[out];
        for (int i = 0; i < out; i++) {
            tokens[i] = prefillNanos + (out == 1 ? 0 : decodeNanos * i / (out - 1));
        }
        GenerationLatencies latencies = new GenerationLatencies();
        latencies.record(new RequestTimings(0, tokens));
        return new GenerationPoint(batch, in, out, 1, List.of(rep, rep, rep), latencies.summary(), null, "ok");
    }

    /** A generation report with these points (the rest borrowed from the embedding test report). */
    public static RunReport report(GenerationPoint... points) {
        RunReport base = RunReports.withPoint(1, 1000, 1_000_000_000L);
        GenerationWorkload w = new GenerationWorkload("gen", "generation", "test", List.of(points[0].batchSize()),
                List.of(points[0].inputLength()), List.of(points[0].outputLength()), 1, 3, "bundled:default", false, 7L);
        RunConfig config = new RunConfig("twin", w, "runpod-h100-sxm", "ort", base.header().config().engineOptions(), 100);
        DecoderFacts decoder = new DecoderFacts(134_515_008L, Map.of("fp32", 538_060_032L), 538_060_032L, 424_804_352L, 92_160L, null, null, "last",
                null);
        return base.withHeader(base.header().withRunId("20261123T000000Z-gen").withConfig(config)
                .withMetricDefinitions(GenerationResult.METRICS)).withResult(new GenerationResult(decoder, List.of(points)));
    }

    /**
     * {@code report} with a measured energy figure: one device drawing {@code watts} on average over
     * a 10 s counted decode phase.
     */
    public static RunReport withEnergy(RunReport r, double watts) {
        double joules = watts * 10;
        EnergyReport energy = new EnergyReport(
                List.of(new DeviceEnergy("cpu-package", EnergyMethod.MEASURED, "RAPL energy_uj", Map.of("decode", joules), joules,
                        OptionalDouble.of(watts), OptionalDouble.empty())),
                List.of(new PhaseEnergy("decode", 10_000_000_000L, joules, EnergyMethod.MEASURED, true)),
                OptionalDouble.of(joules), EnergyMethod.MEASURED, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Map.of(), List.of());
        return r.withHeader(r.header().withEnergy(energy));
    }
}
