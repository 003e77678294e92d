package dev.unitcost.engine.endpoint;

import dev.unitcost.metrics.RequestTimings;
import java.util.Arrays;
import java.util.Optional;

/**
 * A streamed request's latencies in the project's definitions ({@link RequestTimings}: TTFT, E2E,
 * TPOT, ITL), from what the client saw.
 *
 * <p><b>A chunk that carries several tokens.</b> The client sees a chunk arrive, not the tokens in
 * it, so every token of a chunk is stamped with the chunk's arrival: TTFT is the arrival of the
 * first chunk that carried a token, E2E the arrival of the last, and TPOT
 * = (E2E − TTFT) / (output tokens − 1) with the tokens counted, which is how vLLM's
 * {@code benchmark_serving} / {@code vllm bench serve} and NVIDIA AIPerf compute them (both divide
 * by the token count, not the chunk count; AIPerf calls that per-request figure its ITL). As both
 * do, a chunk without output text (the role chunk, the usage chunk) is no token and sets no time.
 * Gaps between those stamps ({@link RequestTimings#itlNanos()})
 * are then 0 inside a chunk; the gaps between chunks are {@link #chunkItlNanos}, one per chunk
 * after the first, which is what vLLM's benchmark records as ITL and AIPerf as inter-chunk latency.
 * When every chunk carries one token the two are the same. Spreading a chunk's tokens evenly over
 * the gap before it was rejected: it invents arrival times nobody observed.
 *
 * <p>Chunks counted as zero tokens (text that only completes a token) carry no stamp.
 *
 * <p><b>Whose count.</b> When the server sent its {@code usage}, its completion tokens are the
 * count (what it generated and would bill), spread over the chunks in proportion to the client's
 * count ({@link #tokensPerChunk}); the client's own count is kept for the reconciliation
 * ({@link TokenReconciliation}), which flags a tokenizer that disagrees. Without usage the client's
 * count stands. So TPOT divides by the tokens the server generated even when a tokenizer given for
 * counting is not the server's, or its text does not round-trip (byte-level tokens cut into
 * invalid UTF-8 come back as replacement characters, which re-tokenise longer).
 */
public final class EndpointTimings {

    private EndpointTimings() {}

    /**
     * The request's timings, empty when no chunk carried a token. A failed request's chunks are
     * timed as well; whether to pool them is the caller's choice.
     */
    public static Optional<RequestTimings> requestTimings(StreamOutcome outcome) {
        long[] chunks = outcome.chunkNanos();
        int[] tokens = tokensPerChunk(outcome);
        int total = Arrays.stream(tokens).sum();
        if (total == 0) {
            return Optional.empty();
        }
        long[] stamps = new long[total];
        int next = 0;
        for (int i = 0; i < chunks.length; i++) {
            for (int t = 0; t < tokens[i]; t++) {
                stamps[next++] = chunks[i];
            }
        }
        return Optional.of(new RequestTimings(outcome.startNanos(), stamps));
    }

    /**
     * Output tokens per chunk as a run counts them: the server's {@code usage.completion_tokens} when
     * it sent one and the client counted any token, spread over the chunks by cumulative rounding in
     * proportion to the client's count (so a server that streams one token per chunk gets exactly one
     * per text chunk whenever the counts agree); otherwise the client's count.
     */
    public static int[] tokensPerChunk(StreamOutcome outcome) {
        int[] counted = outcome.chunkTokens();
        long total = Arrays.stream(counted).asLongStream().sum();
        int usage = outcome.usageCompletionTokens();
        if (usage < 0 || total == 0 || usage == total) {
            return counted;
        }
        int[] tokens = new int[counted.length];
        long cumulative = 0;
        long assigned = 0;
        for (int i = 0; i < counted.length; i++) {
            cumulative += counted[i];
            long upTo = Math.round((double) usage * cumulative / total);
            tokens[i] = (int) (upTo - assigned);
            assigned = upTo;
        }
        return tokens;
    }

    /** The gaps between successive chunks that carried tokens (one fewer than those chunks). */
    public static long[] chunkItlNanos(StreamOutcome outcome) {
        long[] chunks = outcome.chunkNanos();
        int[] tokens = tokensPerChunk(outcome);
        long[] gaps = new long[Math.max(0, chunks.length - 1)];
        int n = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < chunks.length; i++) {
            if (tokens[i] == 0) {
                continue;
            }
            if (previous != Long.MIN_VALUE) {
                gaps[n++] = chunks[i] - previous;
            }
            previous = chunks[i];
        }
        return Arrays.copyOf(gaps, n);
    }
}
