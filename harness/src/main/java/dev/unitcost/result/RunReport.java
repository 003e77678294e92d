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
 * @param points an embedding sweep, raw counts and nanoseconds (empty for generation)
 * @param generationPoints a generation sweep (empty for embedding)
 * @param decoder model facts for MBU (generation only)
 * @param telemetry one summary per sampler
 * @param energy joules per phase and per token, each labelled measured, integrated or estimated
 * @param cost the pricing of an embedding run (recomputable with {@code reprice})
 * @param generationCost the pricing of a generation run, per input and output token
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
        List<GenerationPoint> generationPoints,
        DecoderFacts decoder,
        List<TelemetrySummary> telemetry,
        dev.unitcost.telemetry.EnergyReport energy,
        CostSection cost,
        GenerationCostSection generationCost) {

    public static final int SCHEMA_VERSION = 1;

    public static final Map<String, String> EMBEDDING_METRICS = Map.of(
            "tokensPerSecond", "real (unpadded) tokens encoded / wall time of the repetition; median over repetitions",
            "batchLatency", "wall time of one batch (tensor build + engine run + pooling), HdrHistogram over all measured batches",
            "harnessOverheadFraction", "(repetition wall time - sum of engine run-call times) / repetition wall time",
            "coefficientOfVariation", "sample standard deviation / mean of tokensPerSecond over repetitions; > 0.05 flags a point unstable",
            "usdPerMillionTokens", "hardware USD/hour / (tokensPerSecond x 3600 x utilisation) x 1e6");

    public static final Map<String, String> GENERATION_METRICS = Map.ofEntries(
            Map.entry("ttft", "first output token time - request start (static batch: the batch's start); includes prefill"),
            Map.entry("tpot", "(E2E - TTFT) / (output tokens - 1), per request"),
            Map.entry("itl", "every gap between successive output tokens, pooled across requests"),
            Map.entry("e2e", "request start to last output token"),
            Map.entry("prefillTokensPerSecond", "input tokens / wall time of the prefill step"),
            Map.entry("decodeTokensPerSecond", "tokens from decode steps (output tokens - sequences) / wall time of the decode steps"),
            Map.entry("outputTokensPerSecond", "output tokens of the batch / its E2E time"),
            Map.entry("decodeMbu", "(weight bytes a step reads + KV bytes read per step) / median TPOT / peak memory bandwidth"),
            Map.entry("harnessOverheadFraction", "(step wall time - engine run-call time) / step wall time"),
            Map.entry("joulesPerOutputToken", "decode-phase joules / all output tokens (each sequence's first token comes from "
                    + "prefill, whose joules are charged to input tokens)"),
            Map.entry("usdPerMillionTokens", "input tokens priced on prefill time, output tokens on decode time: "
                    + "USD/hour / (tokens/s x 3600 x utilisation) x 1e6"));

    public RunReport {
        points = points == null ? List.of() : List.copyOf(points);
        generationPoints = generationPoints == null ? List.of() : List.copyOf(generationPoints);
        telemetry = List.copyOf(telemetry);
        metricDefinitions = Map.copyOf(metricDefinitions);
    }

    public RunReport withCost(CostSection newCost) {
        return new RunReport(schemaVersion, runId, task, startedAt, finishedAt, config, provenance, model,
                metricDefinitions, points, generationPoints, decoder, telemetry, energy, newCost, generationCost);
    }

    public RunReport withGenerationCost(GenerationCostSection newCost) {
        return new RunReport(schemaVersion, runId, task, startedAt, finishedAt, config, provenance, model,
                metricDefinitions, points, generationPoints, decoder, telemetry, energy, cost, newCost);
    }
}
