package dev.unitcost.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.unitcost.engine.endpoint.EndpointTimings;
import dev.unitcost.engine.endpoint.ForcedLength;
import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.metrics.Rates;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.metrics.Slo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One repetition of a load point: raw counts and nanoseconds. Every request sent is counted, ok
 * or failed by kind; rates count only the steady-state {@link Window}.
 *
 * @param sent requests sent
 * @param ok requests that completed
 * @param failed failed requests by kind ({@code timeout}, {@code http 503}, ...), every one counted
 * @param windowNanos length of the window the rates are over
 * @param steady whether the window excluded ramp-up and drain
 * @param completed ok requests that ended in the window
 * @param good of those, the ones that met every objective
 * @param inputTokens prompt tokens of ok requests whose first token came in the window (the server's
 *     usage, else the tokenizer's count, else the planned length: see {@code inputTokensEstimated})
 * @param inputTokensEstimated whether some input tokens are planned lengths (no usage, no tokenizer)
 * @param outputTokens output tokens that arrived in the window
 * @param prefillNanos sum of TTFT of the completed requests
 * @param requestNanos sum of E2E of the completed requests
 * @param countedWithUsage output tokens the client counted, over ok requests whose server sent usage
 * @param usageOutputTokens the servers' {@code usage.completion_tokens} over the same requests; null when none sent usage
 * @param clientNanos time the client spent on all requests outside waiting for bytes
 * @param countedOutputTokens output tokens the client counted over all ok requests
 * @param forcedAsked ok requests that asked for a forced length
 * @param forcedHonoured of those, the ones that got it
 * @param requestInputTokens prompt tokens of every ok request, counted as {@code inputTokens} is, in or out of the window
 *     (the mean prompt per request is this / {@code ok}; the window's count alone would not be, as it counts requests
 *     by their first token and completions by their last)
 * @param requestOutputTokens output tokens of every ok request: the server's usage where it sent one, else the client's count
 */
@JsonPropertyOrder({"sent", "ok", "failed", "windowNanos", "steady", "completed", "good", "inputTokens", "inputTokensEstimated",
    "outputTokens", "prefillNanos", "requestNanos", "countedWithUsage", "usageOutputTokens", "clientNanos", "countedOutputTokens",
    "forcedAsked", "forcedHonoured", "requestInputTokens", "requestOutputTokens", "requestsPerSecond", "goodputPerSecond", "inputTokensPerSecond", "outputTokensPerSecond",
    "prefillShare", "meanInFlight"})
public record Tally(int sent, int ok, Map<String, Integer> failed, long windowNanos, boolean steady, int completed, int good,
        long inputTokens, boolean inputTokensEstimated, long outputTokens, long prefillNanos, long requestNanos, long countedWithUsage,
        Long usageOutputTokens, long clientNanos, long countedOutputTokens, int forcedAsked, int forcedHonoured, long requestInputTokens,
        long requestOutputTokens) {

    public Tally {
        failed = new TreeMap<>(failed);
        if (windowNanos < 1) {
            throw new IllegalArgumentException("windowNanos must be > 0, got " + windowNanos);
        }
    }

    @Override
    public Map<String, Integer> failed() {
        return java.util.Collections.unmodifiableMap(failed);
    }

    /**
     * Counts one repetition.
     *
     * @param requests what was asked, by id (for prompt lengths and whether a length was forced)
     * @param plannedInputTokens the prompt length planned for a request id, used when neither the server nor a tokenizer counted it
     * @param outcomes every outcome of the repetition
     * @param completedTimings told of each completed request's timings (for latency distributions)
     */
    public static Tally of(Map<String, StreamRequest> requests, java.util.function.ToIntFunction<String> plannedInputTokens,
            List<StreamOutcome> outcomes, Window window, List<Slo> slos,
            Consumer<RequestTimings> completedTimings) {
        Map<String, Integer> failed = new TreeMap<>();
        int ok = 0, completed = 0, good = 0, forcedAsked = 0, forcedHonoured = 0;
        long input = 0, output = 0, prefill = 0, request = 0, countedWithUsage = 0, usage = 0, client = 0, counted = 0;
        long requestInput = 0, requestOutput = 0;
        boolean estimated = false, anyUsage = false;
        for (StreamOutcome o : outcomes) {
            client += o.clientNanos();
            if (!o.ok()) {
                failed.merge(failureKey(o), 1, Integer::sum);
                continue;
            }
            ok++;
            counted += o.countedOutputTokens();
            requestOutput += o.usageCompletionTokens() >= 0 ? o.usageCompletionTokens() : o.countedOutputTokens();
            if (o.usageCompletionTokens() >= 0) {
                anyUsage = true;
                usage += o.usageCompletionTokens();
                countedWithUsage += o.countedOutputTokens();
            }
            StreamRequest asked = requests.get(o.id());
            if (asked != null && asked.forceLength()) {
                forcedAsked++;
                forcedHonoured += o.forcedLength() == ForcedLength.HONOURED ? 1 : 0;
            }
            long[] chunks = o.chunkNanos();
            int[] tokens = EndpointTimings.tokensPerChunk(o);
            for (int c = 0; c < chunks.length; c++) {
                if (window.contains(chunks[c])) {
                    output += tokens[c];
                }
            }
            long prompt;
            if (o.usagePromptTokens() >= 0) {
                prompt = o.usagePromptTokens();
            } else if (asked != null && asked.promptTokens() >= 0) {
                prompt = asked.promptTokens();
            } else {
                estimated = true;
                prompt = plannedInputTokens.applyAsInt(o.id());
            }
            requestInput += prompt;
            if (chunks.length > 0 && window.contains(chunks[0])) {
                input += prompt;
            }
            Optional<RequestTimings> t = o.ok() ? EndpointTimings.requestTimings(o) : Optional.empty();
            if (t.isPresent() && window.contains(o.endNanos())) {
                completed++;
                prefill += t.get().ttftNanos();
                request += t.get().e2eNanos();
                RequestTimings timings = t.get();
                good += slos.stream().allMatch(s -> s.metBy(timings)) ? 1 : 0;
                completedTimings.accept(timings);
            }
        }
        return new Tally(outcomes.size(), ok, failed, window.nanos(), window.steady(), completed, good, input, estimated, output,
                prefill, request, countedWithUsage, anyUsage ? usage : null, client, counted, forcedAsked, forcedHonoured, requestInput,
                requestOutput);
    }

    /** {@code timeout}, {@code connection refused}, {@code http 503}: how failures are counted. */
    public static String failureKey(StreamOutcome o) {
        String kind = o.error().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return o.error().kind() == dev.unitcost.engine.endpoint.ErrorKind.HTTP_STATUS ? "http " + o.error().httpStatus() : kind;
    }

    public int failedCount() {
        return failed.values().stream().mapToInt(Integer::intValue).sum();
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double requestsPerSecond() {
        return Rates.perSecond(completed, windowNanos);
    }

    /** Requests that met every objective per second (all completed requests when there are none). */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double goodputPerSecond() {
        return Rates.perSecond(good, windowNanos);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double inputTokensPerSecond() {
        return Rates.perSecond(inputTokens, windowNanos);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double outputTokensPerSecond() {
        return Rates.perSecond(outputTokens, windowNanos);
    }

    /** Share of the completed requests' time spent before their first token (prefill and queueing); null when none completed. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Double prefillShare() {
        return requestNanos == 0 ? null : prefillNanos / (double) requestNanos;
    }

    /** Requests in flight on average over the window, by Little's law (completed requests' time / window). */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public double meanInFlight() {
        return requestNanos / (double) windowNanos;
    }
}
