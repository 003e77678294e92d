package dev.unitcost.result;

import dev.unitcost.telemetry.TelemetrySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, versioned. Costs and renderings are pure functions of this
 * record and the profiles, so old reports can be re-priced without re-running.
 *
 * <p>Schema changes bump {@link #SCHEMA_VERSION}; the JSON form is sealed by a golden-file test.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written
 * @param runId unique, sortable by start time
 * @param task {@code embedding}
 * @param startedAt wall-clock start (UTC)
 * @param finishedAt wall-clock end (UTC)
 * @param config the configuration, echoed
 * @param provenance machine, versions, model hash, commit
 * @param model the model as measured
 * @param metricDefinitions what each reported figure means
 * @param points the sweep, raw counts and nanoseconds
 * @param telemetry one summary per sampler
 * @param cost the pricing at run time (recomputable with {@code reprice})
 */
public record RunReport(
        int schemaVersion,
        String runId,
        String task,
        Instant startedAt,
        Instant finishedAt,
        RunConfig config,
        Provenance provenance,
        ModelFacts model,
        Map<String, String> metricDefinitions,
        List<PointResult> points,
        List<TelemetrySummary> telemetry,
        CostSection cost) {

    public static final int SCHEMA_VERSION = 1;

    public static final Map<String, String> EMBEDDING_METRICS = Map.of(
            "tokensPerSecond", "real (unpadded) tokens encoded / wall time of the repetition; median over repetitions",
            "batchLatency", "wall time of one batch (tensor build + engine run + pooling), HdrHistogram over all measured batches",
            "harnessOverheadFraction", "(repetition wall time - sum of engine run-call times) / repetition wall time",
            "coefficientOfVariation", "sample standard deviation / mean of tokensPerSecond over repetitions; > 0.05 flags a point unstable",
            "usdPerMillionTokens", "hardware USD/hour / (tokensPerSecond x 3600 x utilisation) x 1e6");

    public RunReport {
        points = List.copyOf(points);
        telemetry = List.copyOf(telemetry);
        metricDefinitions = Map.copyOf(metricDefinitions);
    }

    public RunReport withCost(CostSection newCost) {
        return new RunReport(schemaVersion, runId, task, startedAt, finishedAt, config, provenance, model,
                metricDefinitions, points, telemetry, newCost);
    }
}
