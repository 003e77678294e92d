package dev.unitcost.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.unitcost.cost.MeasuredThroughput;
import dev.unitcost.cost.PricePoint;
import dev.unitcost.engine.endpoint.EndpointFacts;
import dev.unitcost.load.Tally;
import dev.unitcost.metrics.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A load sweep against a running OpenAI-compatible server.
 *
 * @param endpoint the server's base URL (without credentials)
 * @param servedModel the model name requests asked for
 * @param api {@code chat} or {@code completions}
 * @param local whether the server runs on this machine (loopback), so this machine's telemetry is its
 * @param server what connecting found out (server, models, usage in stream, forced length on a probe)
 * @param slos the objectives each point was checked against; empty when none was given
 * @param points in sweep order
 */
@JsonPropertyOrder({"endpoint", "servedModel", "api", "local", "server", "slos", "points", "knee", "maximum", "highestLoadMeetingSlo"})
public record EndpointResult(String endpoint, String servedModel, String api, boolean local, EndpointFacts server, List<Slo> slos,
        List<EndpointPoint> points) implements TaskResult {

    public static final String KIND = "endpoint";

    /** A saturation search stops, and the knee is placed, where doubling concurrency adds less than this share of output tokens/s. */
    public static final double KNEE_GROWTH = 0.10;

    public static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry("window", "steady state only: closed loop from when the last user sent its first request to when the first user "
                    + "ended its last; open loop from the first send to the last send; the whole span, flagged ~, when these do not overlap "
                    + "or no ok request ended inside"),
            Map.entry("ttft", "first streamed output token's arrival - request start, at the client (includes queueing and prefill)"),
            Map.entry("tpot", "(E2E - TTFT) / (output tokens - 1), per request"),
            Map.entry("itl", "every gap between successive output tokens, pooled; tokens of one chunk share its arrival time"),
            Map.entry("e2e", "request start to the end of its stream"),
            Map.entry("outputTokensPerSecond", "output tokens arriving in the window / window"),
            Map.entry("inputTokensPerSecond", "prompt tokens of requests whose first token arrived in the window / window"),
            Map.entry("requestsPerSecond", "ok requests ending in the window / window"),
            Map.entry("goodputPerSecond", "requests ending in the window that met every SLO on their own / window (vLLM --goodput, DistServe)"),
            Map.entry("sloMet", "each SLO's percentile over the completed requests of every repetition is within its threshold"),
            Map.entry("knee", "the last concurrency before the next one measured (double it when saturating) added less than 10% "
                    + "output tokens/s"),
            Map.entry("tokenReconciliation", "output tokens the client counted vs the server's usage, flagged beyond 1%"),
            Map.entry("clientOverheadNanosPerToken", "the client's own time (parsing, counting) / output tokens it counted"),
            Map.entry("usdPerMillionTokens", "the window's busy time is split between input and output by the completed requests' share of "
                    + "time before their first token (sum of TTFT / sum of E2E): input tok/s = input tokens / (share x window), output "
                    + "tok/s = output tokens / ((1 - share) x window); then USD/hour / (tokens/s x 3600 x utilisation) x 1e6"));

    static final TaskKind TASK_KIND = new TaskKind(KIND, "chat", METRICS);

    public EndpointResult {
        slos = List.copyOf(slos);
        points = List.copyOf(points);
    }

    @Override
    public <T> T match(Cases<T> cases) {
        return cases.endpoint(this);
    }

    @Override
    public TaskKind taskKind() {
        return TASK_KIND;
    }

    /** The ok points that can be priced (both input and output tokens in their windows), in sweep order. */
    public List<EndpointPoint> pricedPoints() {
        return points.stream().filter(EndpointPoint::ok).filter(p -> p.busyRates() != null).toList();
    }

    @Override
    public List<PricePoint> pricePoints(String runId) {
        List<PricePoint> prices = new ArrayList<>();
        for (EndpointPoint p : pricedPoints()) {
            double[] busy = p.busyRates();
            // lengths: the mean ok request's; a report stored before those were counted keeps the window's figures
            long completed = p.repetitions().stream().mapToLong(Tally::completed).sum();
            double in = p.countsRequests() ? p.meanInputTokensPerRequest()
                    : p.repetitions().stream().mapToLong(Tally::inputTokens).sum() / (double) completed;
            double out = p.countsRequests() ? p.meanOutputTokensPerRequest()
                    : p.repetitions().stream().mapToLong(Tally::outputTokens).sum() / (double) completed;
            double inFlight = p.meanInFlight();
            String label = String.format(Locale.ROOT, "report %s, %s: medians of %d repetitions, busy time split by prefill share",
                    runId, p.label(), (int) busy[2]);
            prices.add(new PricePoint((int) Math.max(1, Math.round(inFlight)), (int) Math.max(1, Math.round(in)),
                    Optional.of((int) Math.max(1, Math.round(out))), MeasuredThroughput.of(busy[0], busy[1], label)));
        }
        return prices;
    }

    /**
     * Prompt tokens of every ok measured request, in or out of the windows (the energy per token divides by these); the
     * window's for a report stored before those were counted.
     */
    @Override
    public long inputTokens() {
        return points.stream().flatMap(p -> p.repetitions().stream())
                .mapToLong(t -> t.requestInputTokens() > 0 ? t.requestInputTokens() : t.inputTokens()).sum();
    }

    /** Output tokens of every ok measured request, in or out of the windows. */
    @Override
    public long outputTokens() {
        return points.stream().flatMap(p -> p.repetitions().stream())
                .mapToLong(t -> t.requestInputTokens() > 0 ? t.requestOutputTokens() : t.outputTokens()).sum();
    }

    /** Failed requests (warmup included) over the run; a run with any exits with its own code. */
    public int failedRequests() {
        return points.stream().mapToInt(p -> p.failed().values().stream().mapToInt(Integer::intValue).sum()
                + p.warmupFailed().values().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    /** Index of the knee among {@code throughputs} (in load order), or -1 while throughput still grows at the last. */
    public static int knee(List<Double> throughputs) {
        for (int i = 0; i + 1 < throughputs.size(); i++) {
            if (throughputs.get(i + 1) < throughputs.get(i) * (1 + KNEE_GROWTH)) {
                return i;
            }
        }
        return -1;
    }

    /** The concurrency point where throughput stopped growing; null for rate sweeps and sweeps that never flattened. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String knee() {
        List<EndpointPoint> ok = points.stream().filter(EndpointPoint::ok).filter(p -> "concurrency".equals(p.load())).toList();
        int k = knee(ok.stream().map(p -> p.outputTokensPerSecond().median()).toList());
        return k < 0 ? null : ok.get(k).label();
    }

    /** The point with the highest median output tokens/s; null when none ran. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String maximum() {
        return points.stream().filter(EndpointPoint::ok)
                .max(java.util.Comparator.comparingDouble(p -> p.outputTokensPerSecond().median())).map(EndpointPoint::label).orElse(null);
    }

    /** The highest load whose point met every objective; null when none did or no objective was given. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public String highestLoadMeetingSlo() {
        return highestMeetingSlo().map(EndpointPoint::label).orElse(null);
    }

    public Optional<EndpointPoint> highestMeetingSlo() {
        return points.stream().filter(p -> Boolean.TRUE.equals(p.sloMet())).max(java.util.Comparator.comparingDouble(EndpointPoint::level));
    }
}
