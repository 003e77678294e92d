package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.unitcost.load.Tally;
import dev.unitcost.metrics.GenerationLatencies;
import dev.unitcost.metrics.Spread;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One load point of an endpoint run.
 *
 * @param load {@code concurrency} (closed loop) or {@code rate} (open loop, requests/s)
 * @param level the concurrency or the rate
 * @param warmupRequests requests sent first and not measured
 * @param warmupFailed failures among them, by kind (counted, not dropped)
 * @param repetitions raw counts of each measured repetition
 * @param latencies TTFT, TPOT, ITL and E2E of every completed request in every window; null when none completed
 * @param slo each objective's check; empty when none was given
 * @param status {@code ok}, {@code failed: every request failed} or {@code not run: interrupted}
 * @param stoppedBecause why the point stopped repeating; null when it did not run
 */
@JsonPropertyOrder({"load", "level", "warmupRequests", "warmupFailed", "repetitions", "latencies", "slo", "status", "stoppedBecause",
    "outputTokensPerSecond", "inputTokensPerSecond", "requestsPerSecond", "goodputPerSecond", "failed", "sloMet", "tokenReconciliation",
    "forcedLength", "clientOverheadNanosPerToken"})
public record EndpointPoint(String load, double level, int warmupRequests, Map<String, Integer> warmupFailed, List<Tally> repetitions,
        GenerationLatencies.Summary latencies, List<SloCheck> slo, String status, String stoppedBecause) {

    /** Counted and usage output tokens may differ by this share before the point is flagged. */
    public static final double RECONCILIATION_TOLERANCE = 0.01;

    public EndpointPoint {
        Objects.requireNonNull(load, "load");
        warmupFailed = new TreeMap<>(warmupFailed);
        repetitions = List.copyOf(repetitions);
        slo = List.copyOf(slo);
    }

    public boolean ok() {
        return "ok".equals(status);
    }

    /** {@code concurrency 4} or {@code rate 2 req/s}. */
    public String label() {
        return "concurrency".equals(load) ? "concurrency " + (long) level
                : "rate " + new java.math.BigDecimal(Double.toString(level)).stripTrailingZeros().toPlainString() + " req/s";
    }

    @Override
    public Map<String, Integer> warmupFailed() {
        return java.util.Collections.unmodifiableMap(warmupFailed);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread outputTokensPerSecond() {
        return spread(Tally::outputTokensPerSecond);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread inputTokensPerSecond() {
        return spread(Tally::inputTokensPerSecond);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread requestsPerSecond() {
        return spread(Tally::requestsPerSecond);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Spread goodputPerSecond() {
        return spread(Tally::goodputPerSecond);
    }

    /** Failed measured requests over every repetition, by kind. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Map<String, Integer> failed() {
        Map<String, Integer> all = new TreeMap<>();
        repetitions.forEach(r -> r.failed().forEach((k, v) -> all.merge(k, v, Integer::sum)));
        return all;
    }

    /** Whether every objective's percentile was within its threshold; null when no objective was given or the point did not run. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Boolean sloMet() {
        return slo.isEmpty() || !ok() ? null : slo.stream().allMatch(SloCheck::met);
    }

    /**
     * Output tokens the client counted against the server's usage, over requests that sent usage:
     * {@code ok}, {@code differs by X%} (beyond {@link #RECONCILIATION_TOLERANCE}), or {@code no usage}.
     */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String tokenReconciliation() {
        long usage = repetitions.stream().map(Tally::usageOutputTokens).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        boolean any = repetitions.stream().anyMatch(r -> r.usageOutputTokens() != null);
        if (!any || usage == 0) {
            return "no usage";
        }
        long counted = repetitions.stream().mapToLong(Tally::countedWithUsage).sum();
        double diff = Math.abs(counted - usage) / (double) usage;
        return diff > RECONCILIATION_TOLERANCE
                ? String.format(java.util.Locale.ROOT, "differs by %.1f%% (counted %d, usage %d)", diff * 100, counted, usage) : "ok";
    }

    /** {@code honoured}, {@code not honoured (k of n)} or {@code not asked}. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String forcedLength() {
        int asked = repetitions.stream().mapToInt(Tally::forcedAsked).sum();
        int honoured = repetitions.stream().mapToInt(Tally::forcedHonoured).sum();
        return asked == 0 ? "not asked" : honoured == asked ? "honoured" : "not honoured (" + (asked - honoured) + " of " + asked + ")";
    }

    /** The client's own time per output token it counted; null when none was counted. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Double clientOverheadNanosPerToken() {
        long tokens = repetitions.stream().mapToLong(Tally::countedOutputTokens).sum();
        return tokens == 0 ? null : repetitions.stream().mapToLong(Tally::clientNanos).sum() / (double) tokens;
    }

    /**
     * Mean prompt tokens per ok request over every repetition (the server's usage, else the
     * tokenizer's count, else the planned length); null when none was ok. Not the window's input
     * tokens over its completed requests: those count different requests.
     */
    public Double meanInputTokensPerRequest() {
        int ok = repetitions.stream().mapToInt(Tally::ok).sum();
        return ok == 0 || !countsRequests() ? null : repetitions.stream().mapToLong(Tally::requestInputTokens).sum() / (double) ok;
    }

    /** Mean output tokens per ok request over every repetition (the server's usage, else the client's count); null when none was ok. */
    public Double meanOutputTokensPerRequest() {
        int ok = repetitions.stream().mapToInt(Tally::ok).sum();
        return ok == 0 || !countsRequests() ? null : repetitions.stream().mapToLong(Tally::requestOutputTokens).sum() / (double) ok;
    }

    /**
     * Whether the repetitions hold every ok request's tokens: reports stored before those were counted
     * read them as 0 (no ok request has an empty prompt).
     */
    public boolean countsRequests() {
        return repetitions.stream().anyMatch(r -> r.requestInputTokens() > 0);
    }

    /** Requests in flight on average (Little's law), the mean over repetitions; what a price point's batch stands for. */
    public double meanInFlight() {
        return repetitions.stream().mapToDouble(Tally::meanInFlight).average().orElse(1);
    }

    /** Input tokens per busy second of prefill and output per busy second of decode, at this point (see the cost model). */
    double[] busyRates() {
        List<Tally> priced = repetitions.stream().filter(r -> r.prefillShare() != null && r.prefillShare() > 0 && r.prefillShare() < 1
                && r.inputTokens() > 0 && r.outputTokens() > 0).toList();
        if (priced.isEmpty()) {
            return null;
        }
        Spread in = Spread.of(priced.stream().map(r -> r.inputTokens() / (r.prefillShare() * r.windowNanos() / 1e9)).toList());
        Spread out = Spread.of(priced.stream().map(r -> r.outputTokens() / ((1 - r.prefillShare()) * r.windowNanos() / 1e9)).toList());
        return new double[] {in.median(), out.median(), priced.size()};
    }

    private Spread spread(Function<Tally, Double> value) {
        return !ok() || repetitions.isEmpty() ? null : Spread.of(repetitions.stream().map(value).toList());
    }
}
