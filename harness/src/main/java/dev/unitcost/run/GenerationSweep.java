package dev.unitcost.run;

import dev.unitcost.engine.OutOfMemoryException;
import dev.unitcost.engine.GenerationRequest;
import dev.unitcost.engine.GenerationResult;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.metrics.GenerationLatencies;
import dev.unitcost.metrics.Mbu;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs a generation workload's sweep (batch sizes × input lengths × output lengths): warmup
 * batches, then measured static batches, each turned into raw counts and nanoseconds. A point
 * that runs out of memory is recorded as such and the sweep goes on.
 */
public final class GenerationSweep {

    private final GenerationSession session;
    private final Prompts prompts;
    private final GenerationWorkload workload;
    private final DecoderFacts facts;
    private final ProgressListener progress;
    private final LongSupplier nanoTime;
    private final BooleanSupplier stopRequested;

    /**
     * @param nanoTime the monotonic clock a point's time cap is read from ({@link System#nanoTime()} in real runs)
     * @param stopRequested true once the user asked to stop: the batch in flight finishes and is kept, and no
     *     further batch or point runs
     */
    public GenerationSweep(GenerationSession session, Prompts prompts, GenerationWorkload workload, DecoderFacts facts,
            ProgressListener progress, LongSupplier nanoTime, BooleanSupplier stopRequested) {
        this.nanoTime = nanoTime;
        this.stopRequested = stopRequested;
        this.session = session;
        this.prompts = prompts;
        this.workload = workload;
        this.facts = facts;
        this.progress = progress;
    }

    public List<GenerationPoint> run() {
        List<GenerationPoint> points = new ArrayList<>();
        int count = workload.batchSizes().size() * workload.inputLengths().size() * workload.outputLengths().size();
        int index = 0;
        for (int batch : workload.batchSizes()) {
            for (int in : workload.inputLengths()) {
                for (int out : workload.outputLengths()) {
                    if (stopRequested.getAsBoolean()) {
                        points.add(new GenerationPoint(batch, in, out, workload.warmupRepetitions(), List.of(), null, null,
                                Repeats.NOT_RUN));
                        continue;
                    }
                    progress.pointStarted(index++, count, batch);
                    try {
                        points.add(runPoint(batch, in, out));
                    } catch (OutOfMemoryException e) {
                        progress.pointFailed(batch, "out of memory: " + e.getMessage());
                        points.add(new GenerationPoint(batch, in, out, workload.warmupRepetitions(), List.of(), null, null,
                                "out-of-memory"));
                    }
                }
            }
        }
        progress.phase("idle");
        return points;
    }

    private GenerationPoint runPoint(int batch, int in, int out) {
        progress.phase("warmup");
        for (int w = 0; w < workload.warmupRepetitions() && !stopRequested.getAsBoolean(); w++) {
            session.generate(new GenerationRequest(prompts.next(batch, in), out, workload.stopAtEos()));
        }
        progress.phase("measure");
        GenerationLatencies latencies = new GenerationLatencies();
        List<GenerationRepetition> reps = new ArrayList<>();
        Repeats repeats = new Repeats(workload.repetitions(), workload.adaptive(), nanoTime, stopRequested);
        List<Double> central = new ArrayList<>();
        String stopped = stopRequested.getAsBoolean() ? Repeats.INTERRUPTED : null;
        for (int r = 0; stopped == null; r++) {
            GenerationResult result = session.generate(new GenerationRequest(prompts.next(batch, in), out, workload.stopAtEos()),
                    progress::phase);
            latencies.recordAll(result.requests());
            GenerationRepetition rep = repetition(batch, in, result);
            reps.add(rep);
            // the central figure: decode throughput where the point decodes, else prefill (one output token)
            central.add(rep.decodeTokensPerSecond() != null ? rep.decodeTokensPerSecond() : rep.prefillTokensPerSecond());
            progress.repetitionFinished(batch, r + 1, repeats.atMost(),
                    rep.decodeTokensPerSecond() != null ? rep.decodeTokensPerSecond() : rep.outputTokensPerSecond(),
                    rep.decodeTokensPerSecond() != null ? "decode tokens/s" : "output tokens/s");
            stopped = repeats.stopReason(central);
        }
        if (reps.isEmpty()) {
            return new GenerationPoint(batch, in, out, workload.warmupRepetitions(), reps, null, null, Repeats.NOT_RUN);
        }
        GenerationLatencies.Summary summary = latencies.summary();
        Double mbu = null;
        if (summary.tpot() != null && facts.peakMemoryBandwidthBytesPerSecond() != null) {
            mbu = Mbu.of(facts.weightBytesReadPerStep(), facts.kvBytesPerToken(), batch, in + out / 2.0, summary.tpot().p50Nanos(),
                    facts.peakMemoryBandwidthBytesPerSecond());
        }
        return new GenerationPoint(batch, in, out, workload.warmupRepetitions(), reps, summary, mbu, "ok", stopped);
    }

    /** Raw figures of one static batch. */
    static GenerationRepetition repetition(int batch, int in, GenerationResult result) {
        long outputTokens = 0;
        long e2e = 0;
        for (RequestTimings r : result.requests()) {
            outputTokens += r.outputTokens();
            e2e = Math.max(e2e, r.e2eNanos());
        }
        long[] wall = result.stepWallNanos();
        long decode = 0;
        long steps = 0;
        long engine = 0;
        for (int s = 0; s < wall.length; s++) {
            steps += wall[s];
            engine += result.stepEngineNanos()[s];
            if (s > 0) {
                decode += wall[s];
            }
        }
        return new GenerationRepetition(batch, (long) batch * in, outputTokens, wall[0], decode, e2e, engine, steps);
    }
}
