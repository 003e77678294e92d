package dev.unitcost.result;

import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.PricePoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An encoder's batch-size sweep: raw counts and nanoseconds per repetition, batch latency per point.
 *
 * @param points one per batch size, in sweep order; failed points keep their status and no figures
 */
public record EmbeddingResult(List<PointResult> points) implements TaskResult {

    public static final String KIND = "embedding";

    public static final Map<String, String> METRICS = Map.of(
            "tokensPerSecond", "real (unpadded) tokens encoded / wall time of the repetition; median over repetitions",
            "batchLatency", "wall time of one batch (tensor build + engine run + pooling), HdrHistogram over all measured batches",
            "harnessOverheadFraction", "(repetition wall time - sum of engine run-call times) / repetition wall time",
            "coefficientOfVariation", "sample standard deviation / mean of tokensPerSecond over repetitions; > 0.05 flags a point unstable",
            "usdPerMillionTokens", "hardware USD/hour / (tokensPerSecond x 3600 x utilisation) x 1e6");

    static final TaskKind TASK_KIND = new TaskKind(KIND, "embedding", METRICS);

    public EmbeddingResult {
        points = List.copyOf(points);
    }

    @Override
    public <T> T match(Cases<T> cases) {
        return cases.embedding(this);
    }

    @Override
    public TaskKind taskKind() {
        return TASK_KIND;
    }

    @Override
    public List<PricePoint> pricePoints(String runId) {
        return points.stream().filter(PointResult::ok).filter(p -> !p.repetitions().isEmpty())
                .map(p -> new PricePoint(p.batchSize(), p.sequenceLength(), Optional.empty(), MeasuredThroughput.inputOnly(
                        p.tokensPerSecond().median(), String.format(Locale.ROOT, "report %s, batch %d: median of %d repetitions",
                                runId, p.batchSize(), p.repetitions().size()))))
                .toList();
    }

    @Override
    public List<MeasuredThroughput> repetitionThroughputs(PricePoint point) {
        return points.stream().filter(PointResult::ok).filter(p -> p.batchSize() == point.batchSize()
                && p.sequenceLength() == point.inputLength()).findFirst()
                .map(p -> p.repetitions().stream().map(r -> MeasuredThroughput.inputOnly(r.tokensPerSecond(), "one repetition")).toList())
                .orElse(List.of());
    }

    @Override
    public long inputTokens() {
        return points.stream().flatMap(p -> p.repetitions().stream()).mapToLong(RepetitionResult::tokens).sum();
    }

    @Override
    public long outputTokens() {
        return 0;
    }
}
