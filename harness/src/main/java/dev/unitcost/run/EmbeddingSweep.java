package dev.unitcost.run;

import dev.unitcost.engine.OutOfMemoryException;
import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.workload.TokenBatch;
import dev.unitcost.metrics.LatencyRecorder;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RepetitionResult;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.PackedBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs an embedding workload's batch-size sweep: for each point, warmup batches (discarded),
 * then repetitions that each run batches until both the minimum time and the minimum count are
 * reached, as many as {@link Repeats} asks for. Timing is {@link System#nanoTime()} around each whole batch; the engine reports its
 * own run-call time, and the difference is the harness's overhead.
 */
public final class EmbeddingSweep {

    private final ModelSession session;
    private final PackedBatches batches;
    private final EmbeddingWorkload workload;
    private final ProgressListener progress;
    private final LongSupplier nanoTime;
    private final BooleanSupplier stopRequested;

    /**
     * @param nanoTime the monotonic clock batches are timed with ({@link System#nanoTime()} in real runs)
     * @param stopRequested true once the user asked to stop: the batch in flight finishes, the repetition it
     *     belongs to is dropped (it is shorter than asked), and no further point runs
     */
    public EmbeddingSweep(ModelSession session, PackedBatches batches, EmbeddingWorkload workload, ProgressListener progress,
            LongSupplier nanoTime, BooleanSupplier stopRequested) {
        this.nanoTime = nanoTime;
        this.stopRequested = stopRequested;
        this.session = session;
        this.batches = batches;
        this.workload = workload;
        this.progress = progress;
    }

    public List<PointResult> run() {
        List<PointResult> points = new ArrayList<>();
        List<Integer> sizes = workload.batchSizes();
        for (int i = 0; i < sizes.size(); i++) {
            int batchSize = sizes.get(i);
            if (stopRequested.getAsBoolean()) {
                points.add(new PointResult(batchSize, workload.sequenceLength(), workload.warmupIterations(), List.of(), null,
                        Repeats.NOT_RUN));
                continue;
            }
            progress.pointStarted(i, sizes.size(), batchSize);
            try {
                points.add(runPoint(batchSize));
            } catch (OutOfMemoryException e) {
                progress.pointFailed(batchSize, "out of memory");
                points.add(new PointResult(batchSize, workload.sequenceLength(), workload.warmupIterations(), List.of(), null, "out-of-memory"));
            }
        }
        progress.phase("idle");
        return points;
    }

    private PointResult runPoint(int batchSize) {
        // Batches are built before timing starts; each repetition cycles through its own set.
        List<TokenBatch> pool = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            pool.add(batches.next(batchSize));
        }
        progress.phase("warmup");
        for (int w = 0; w < workload.warmupIterations() && !stopRequested.getAsBoolean(); w++) {
            session.encode(pool.get(w % pool.size()));
        }
        progress.phase("measure");
        LatencyRecorder latency = new LatencyRecorder();
        List<RepetitionResult> reps = new ArrayList<>();
        long minNanos = (long) (workload.minRepetitionSeconds() * 1e9);
        Repeats repeats = new Repeats(workload.repetitions(), workload.adaptive(), nanoTime, stopRequested);
        List<Double> central = new ArrayList<>();
        String stopped = null;
        for (int r = 0; stopped == null; r++) {
            long iterations = 0;
            long tokens = 0;
            long engineNanos = 0;
            long start = nanoTime.getAsLong();
            long now = start;
            while ((iterations < workload.minIterationsPerRepetition() || now - start < minNanos) && !stopRequested.getAsBoolean()) {
                TokenBatch batch = pool.get((int) (iterations % pool.size()));
                long t0 = nanoTime.getAsLong();
                EncodeResult out = session.encode(batch);
                now = nanoTime.getAsLong();
                latency.recordNanos(now - t0);
                engineNanos += out.engineNanos();
                tokens += batch.realTokens();
                iterations++;
            }
            if (stopRequested.getAsBoolean()) {
                stopped = Repeats.INTERRUPTED; // the repetition in flight is shorter than asked: not kept
                break;
            }
            RepetitionResult rep = new RepetitionResult(iterations, iterations * batchSize, tokens, now - start, engineNanos);
            reps.add(rep);
            central.add(rep.tokensPerSecond());
            progress.repetitionFinished(batchSize, r + 1, repeats.atMost(), rep.tokensPerSecond(), "tokens/s");
            stopped = repeats.stopReason(central);
        }
        if (reps.isEmpty()) {
            return new PointResult(batchSize, workload.sequenceLength(), workload.warmupIterations(), reps, null, Repeats.NOT_RUN);
        }
        return new PointResult(batchSize, workload.sequenceLength(), workload.warmupIterations(), reps, latency.summary(), "ok",
                stopped);
    }
}
