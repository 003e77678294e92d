package dev.unitcost.result;

import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.PricePoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A decoder's generation sweep (batch sizes x input lengths x output lengths) and the model facts
 * that turn its timings into utilisation.
 *
 * @param decoder parameters, bytes read per step, KV bytes per token, the bandwidth MBU is measured against
 * @param points in sweep order; failed points keep their status and no figures
 */
public record GenerationResult(DecoderFacts decoder, List<GenerationPoint> points) implements TaskResult {

    public static final String KIND = "generation";

    public static final Map<String, String> METRICS = Map.ofEntries(
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

    static final TaskKind TASK_KIND = new TaskKind(KIND, "chat", METRICS);

    public GenerationResult {
        points = List.copyOf(points);
    }

    @Override
    public <T> T match(Cases<T> cases) {
        return cases.generation(this);
    }

    @Override
    public TaskKind taskKind() {
        return TASK_KIND;
    }

    @Override
    public List<PricePoint> pricePoints(String runId) {
        return points.stream().filter(GenerationPoint::ok).map(p -> {
            String label = String.format(Locale.ROOT, "report %s, batch %d, %d in / %d out: medians of %d repetitions", runId,
                    p.batchSize(), p.inputLength(), p.outputLength(), p.repetitions().size());
            double prefill = p.prefillTokensPerSecond().median();
            MeasuredThroughput t = p.decodeTokensPerSecond() == null ? MeasuredThroughput.inputOnly(prefill, label)
                    : MeasuredThroughput.of(prefill, p.decodeTokensPerSecond().median(), label);
            return new PricePoint(p.batchSize(), p.inputLength(), Optional.of(p.outputLength()), t);
        }).toList();
    }

    @Override
    public List<MeasuredThroughput> repetitionThroughputs(PricePoint point) {
        return points.stream().filter(GenerationPoint::ok).filter(p -> p.batchSize() == point.batchSize()
                && p.inputLength() == point.inputLength() && point.outputLength().equals(Optional.of(p.outputLength())))
                .findFirst().map(p -> p.repetitions().stream().map(r -> r.decodeTokensPerSecond() == null
                        ? MeasuredThroughput.inputOnly(r.prefillTokensPerSecond(), "one repetition")
                        : MeasuredThroughput.of(r.prefillTokensPerSecond(), r.decodeTokensPerSecond(), "one repetition")).toList())
                .orElse(List.of());
    }

    @Override
    public long inputTokens() {
        return points.stream().flatMap(p -> p.repetitions().stream()).mapToLong(GenerationRepetition::promptTokens).sum();
    }

    @Override
    public long outputTokens() {
        return points.stream().flatMap(p -> p.repetitions().stream()).mapToLong(GenerationRepetition::outputTokens).sum();
    }
}
