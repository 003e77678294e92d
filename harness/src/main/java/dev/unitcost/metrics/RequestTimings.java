package dev.unitcost.metrics;

import java.util.Arrays;

/**
 * When one request started and when each of its output tokens arrived ({@link System#nanoTime()}).
 * The latency metrics of shared/ARCHITECTURE.md are computed here and nowhere else:
 *
 * <ul>
 *   <li>TTFT: first token time minus start (includes prefill);
 *   <li>E2E: last token time minus start;
 *   <li>TPOT: (E2E − TTFT) / (output tokens − 1), absent for a single output token;
 *   <li>ITL: each gap between successive tokens.
 * </ul>
 *
 * @param startNanos request start (for a static batch: the batch's start)
 * @param tokenNanos arrival time of each output token, non-decreasing, at least one
 */
public record RequestTimings(long startNanos, long[] tokenNanos) {

    public RequestTimings {
        if (tokenNanos.length == 0) {
            throw new IllegalArgumentException("a request needs at least one output token");
        }
        if (tokenNanos[0] < startNanos) {
            throw new IllegalArgumentException("first token before the request started");
        }
        for (int i = 1; i < tokenNanos.length; i++) {
            if (tokenNanos[i] < tokenNanos[i - 1]) {
                throw new IllegalArgumentException("token times must not go backwards (token " + i + ")");
            }
        }
        tokenNanos = tokenNanos.clone();
    }

    public int outputTokens() {
        return tokenNanos.length;
    }

    public long ttftNanos() {
        return tokenNanos[0] - startNanos;
    }

    public long e2eNanos() {
        return tokenNanos[tokenNanos.length - 1] - startNanos;
    }

    /** Mean time per output token after the first; empty for one output token. */
    public java.util.OptionalDouble tpotNanos() {
        if (tokenNanos.length < 2) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of((e2eNanos() - ttftNanos()) / (double) (tokenNanos.length - 1));
    }

    /** Every gap between successive tokens (length = output tokens − 1). */
    public long[] itlNanos() {
        long[] gaps = new long[tokenNanos.length - 1];
        for (int i = 1; i < tokenNanos.length; i++) {
            gaps[i - 1] = tokenNanos[i] - tokenNanos[i - 1];
        }
        return gaps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestTimings r && r.startNanos == startNanos && Arrays.equals(r.tokenNanos, tokenNanos);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startNanos) * 31 + Arrays.hashCode(tokenNanos);
    }

    @Override
    public String toString() {
        return "RequestTimings[start=" + startNanos + ", tokens=" + Arrays.toString(tokenNanos) + "]";
    }
}
