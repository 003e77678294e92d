package dev.unitcost.run;

import dev.unitcost.engine.endpoint.StreamOutcome;
import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.engine.endpoint.StreamingClient;
import dev.unitcost.load.Arrivals;
import dev.unitcost.load.ClosedLoop;
import dev.unitcost.load.LoadClock;
import dev.unitcost.load.OpenLoop;
import dev.unitcost.load.Tally;
import dev.unitcost.load.Window;
import dev.unitcost.metrics.GenerationLatencies;
import dev.unitcost.metrics.LatencyRecorder;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.metrics.Slo;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.result.SloCheck;
import dev.unitcost.workload.EndpointWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * An endpoint run's sweep: for each load (closed-loop concurrency, open-loop rate, or concurrency
 * doubled until throughput stops growing), warmup requests, then repetitions of measured requests
 * until the interval of output tokens/s is tight enough ({@link Repeats}). Every request is counted,
 * failed ones by kind.
 *
 * <p>Closed loop: each of N users sends {@code max(2, ceil(requests / N))} requests back to back,
 * so users overlap and the window has a steady part. Open loop: {@code requests} sends on a seeded
 * arrival schedule (a new seed per repetition).
 */
public final class EndpointSweep {

    private final StreamingClient client;
    private final EndpointWorkload workload;
    private final EndpointRequests requests;
    private final List<Slo> slos;
    private final LoadClock clock;
    private final ProgressListener progress;
    private final LongSupplier nanoTime;
    private final BooleanSupplier stopRequested;

    EndpointSweep(StreamingClient client, EndpointWorkload workload, EndpointRequests requests, List<Slo> slos, LoadClock clock,
            ProgressListener progress, LongSupplier nanoTime, BooleanSupplier stopRequested) {
        this.client = client;
        this.workload = workload;
        this.requests = requests;
        this.slos = List.copyOf(slos);
        this.clock = clock;
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.stopRequested = stopRequested;
    }

    List<EndpointPoint> run() throws InterruptedException {
        List<EndpointPoint> points = new ArrayList<>();
        switch (workload.loadModel()) {
            case "rate" -> {
                int i = 0;
                for (double rate : workload.rates()) {
                    points.add(stopRequested.getAsBoolean() ? notRun("rate", rate) : point(i, workload.rates().size(), "rate", rate));
                    i++;
                }
            }
            case "concurrency" -> {
                int i = 0;
                for (int n : workload.concurrency()) {
                    points.add(stopRequested.getAsBoolean() ? notRun("concurrency", n)
                            : point(i, workload.concurrency().size(), "concurrency", n));
                    i++;
                }
            }
            default -> saturate(points);
        }
        progress.phase("idle");
        return points;
    }

    /** Concurrency 1, 2, 4, ... until the knee shows, a point fails, or the maximum is reached. */
    private void saturate(List<EndpointPoint> points) throws InterruptedException {
        List<Double> throughputs = new ArrayList<>();
        int most = 32 - Integer.numberOfLeadingZeros(workload.maxConcurrency()); // 1, 2, 4, ... up to the maximum
        for (int n = 1, i = 0; n <= workload.maxConcurrency() && !stopRequested.getAsBoolean(); n *= 2, i++) {
            EndpointPoint p = point(i, most, "concurrency", n);
            points.add(p);
            if (!p.ok()) {
                break;
            }
            throughputs.add(p.outputTokensPerSecond().median());
            if (EndpointResult.knee(throughputs) >= 0) {
                break;
            }
        }
    }

    private EndpointPoint notRun(String load, double level) {
        return new EndpointPoint(load, level, workload.warmupRequests(), Map.of(), List.of(), null, List.of(), Repeats.NOT_RUN, null);
    }

    private EndpointPoint point(int index, int count, String load, double level) throws InterruptedException {
        String label = notRun(load, level).label();
        progress.pointStarted(index, count, label);
        progress.phase("warmup");
        Map<String, Integer> warmupFailed = new TreeMap<>();
        if (workload.warmupRequests() > 0) {
            for (StreamOutcome o : send(load, level, "w", workload.warmupRequests()).outcomes()) {
                if (!o.ok()) {
                    warmupFailed.merge(Tally.failureKey(o), 1, Integer::sum);
                }
            }
        }
        progress.phase("measure");
        Recorders recorders = new Recorders();
        List<Tally> tallies = new ArrayList<>();
        Repeats repeats = new Repeats(workload.repetitions(), workload.adaptive(), nanoTime, stopRequested);
        List<Double> central = new ArrayList<>();
        String stopped = stopRequested.getAsBoolean() ? Repeats.INTERRUPTED : null;
        for (int r = 1; stopped == null; r++) {
            Sent sent = send(load, level, "r" + r, workload.requests());
            if (sent.outcomes().isEmpty()) {
                break; // stopped before anything was sent
            }
            Tally t = Tally.of(requests.asked(), requests::planned, sent.outcomes(), sent.window(), slos, recorders::record);
            if (t.completed() == 0 && t.ok() > 0) {
                // every ok request ended after the window (an open loop that sent all before any reply): a rate of
                // nothing would call the point failed, so count the whole span, flagged not steady (nothing was recorded yet)
                t = Tally.of(requests.asked(), requests::planned, sent.outcomes(), Window.whole(sent.outcomes()), slos,
                        recorders::record);
            }
            tallies.add(t);
            central.add(t.outputTokensPerSecond());
            progress.repetitionFinished(label, r, repeats.atMost(), t.outputTokensPerSecond(), "output tokens/s");
            stopped = repeats.stopReason(central);
        }
        if (tallies.isEmpty()) {
            return notRun(load, level);
        }
        if (recorders.completed == 0) {
            progress.pointFailed(label, "no request completed");
            return new EndpointPoint(load, level, workload.warmupRequests(), warmupFailed, tallies, null, List.of(),
                    "failed: no request completed", stopped);
        }
        return new EndpointPoint(load, level, workload.warmupRequests(), warmupFailed, tallies, recorders.latencies.summary(),
                recorders.checks(slos), "ok", stopped);
    }

    /** What one batch of requests saw, and its steady-state window (null when nothing was sent). */
    private record Sent(List<StreamOutcome> outcomes, Window window) {}

    private Sent send(String load, double level, String phase, int count) throws InterruptedException {
        if ("concurrency".equals(load)) {
            int users = (int) level;
            List<List<StreamRequest>> perUser = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                // warmup: exactly count requests, dealt out in turn; measured: the same number per user, at least 2
                int each = "w".equals(phase) ? count / users + (u < count % users ? 1 : 0)
                        : Math.max(2, (int) Math.ceil(count / (double) users));
                List<StreamRequest> mine = new ArrayList<>();
                for (int k = 0; k < each; k++) {
                    mine.add(requests.next(String.format(Locale.ROOT, "c%d/%s/u%d/%d", users, phase, u, k)));
                }
                perUser.add(mine);
            }
            List<List<StreamOutcome>> seen = ClosedLoop.run(client, perUser, stopRequested);
            List<StreamOutcome> all = seen.stream().flatMap(List::stream).toList();
            return new Sent(all, all.isEmpty() ? null : Window.closedLoop(seen));
        }
        List<StreamRequest> batch = new ArrayList<>();
        String rate = new java.math.BigDecimal(Double.toString(level)).stripTrailingZeros().toPlainString();
        for (int k = 0; k < count; k++) {
            batch.add(requests.next(String.format(Locale.ROOT, "q%s/%s/%d", rate, phase, k)));
        }
        long seed = workload.seed() + phase.hashCode();
        long[] offsets = new Arrivals(level, workload.burstiness(), seed).offsetsNanos(count);
        List<StreamOutcome> seen = OpenLoop.run(client, batch, offsets, clock, stopRequested);
        return new Sent(seen, seen.isEmpty() ? null : Window.openLoop(seen));
    }

    /** Latency distributions of a point's completed requests, and one recorder per metric for any SLO percentile. */
    private static final class Recorders {
        final GenerationLatencies latencies = new GenerationLatencies();
        final Map<String, LatencyRecorder> byMetric = new TreeMap<>();
        int completed;

        Recorders() {
            Slo.METRICS.forEach(m -> byMetric.put(m, new LatencyRecorder()));
        }

        synchronized void record(RequestTimings r) {
            completed++;
            latencies.record(r);
            byMetric.get("ttft").recordNanos(r.ttftNanos());
            byMetric.get("e2e").recordNanos(r.e2eNanos());
            r.tpotNanos().ifPresent(t -> byMetric.get("tpot").recordNanos(Math.round(t)));
            for (long gap : r.itlNanos()) {
                byMetric.get("itl").recordNanos(gap);
            }
        }

        List<SloCheck> checks(List<Slo> slos) {
            return slos.stream().map(s -> {
                LatencyRecorder rec = byMetric.get(s.metric());
                Long value = rec.count() == 0 ? null : rec.valueAtPercentileNanos(s.percentile());
                return new SloCheck(s.label(), value, value == null || value <= s.thresholdNanos());
            }).toList();
        }
    }
}
