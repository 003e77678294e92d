package dev.unitcost.metrics;

import java.util.List;

/**
 * Latency distributions of many requests: one HdrHistogram recorder per metric. TPOT is
 * recorded per request (requests with one output token have none); ITL pools every gap of
 * every request. Never averaged across percentiles.
 */
public final class GenerationLatencies {

    private final LatencyRecorder ttft = new LatencyRecorder();
    private final LatencyRecorder tpot = new LatencyRecorder();
    private final LatencyRecorder itl = new LatencyRecorder();
    private final LatencyRecorder e2e = new LatencyRecorder();

    public void record(RequestTimings r) {
        ttft.recordNanos(r.ttftNanos());
        e2e.recordNanos(r.e2eNanos());
        r.tpotNanos().ifPresent(t -> tpot.recordNanos(Math.round(t)));
        for (long gap : r.itlNanos()) {
            itl.recordNanos(gap);
        }
    }

    public void recordAll(List<RequestTimings> requests) {
        requests.forEach(this::record);
    }

    /** Summaries; TPOT and ITL are null when no request had two or more output tokens. */
    public Summary summary() {
        return new Summary(ttft.summary(), tpot.count() == 0 ? null : tpot.summary(),
                itl.count() == 0 ? null : itl.summary(), e2e.summary());
    }

    /** Per-metric summaries, nanoseconds. */
    public record Summary(LatencySummary ttft, LatencySummary tpot, LatencySummary itl, LatencySummary e2e) {}
}
