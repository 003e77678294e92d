package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.TestModels;
import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.result.PointResult;
import dev.unitcost.workload.Adaptive;
import dev.unitcost.workload.Corpus;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.PackedBatches;
import dev.unitcost.workload.TokenBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adaptive repetitions on a fake encoder whose batches take scripted times on a fake clock: a point
 * repeats until the 95% interval of its mean is within the target, and never past the maximum count
 * or its time cap. Expected counts come from a plain reference computation of the interval.
 */
class AdaptiveRepetitionsTest {

    static PackedBatches batches;

    @BeforeAll
    static void tokenize() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TestModels.miniLm().tokenizerFile())) {
            batches = new PackedBatches(Corpus.load("bundled:default", TestModels.layout().workloads()), tokenizer, 16);
        }
    }

    /** Each batch takes the next scripted time (microseconds), cycling; the clock moves only inside the engine call. */
    static final class ScriptedSession implements ModelSession {
        final AtomicLong clock = new AtomicLong();
        final long[] micros;
        int calls;

        ScriptedSession(long... micros) {
            this.micros = micros;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("scripted", "0", "cpu", "none", List.of(), List.of());
        }

        @Override
        public EncodeResult encode(TokenBatch batch) {
            long nanos = micros[calls++ % micros.length] * 1000;
            clock.addAndGet(nanos);
            return new EncodeResult(new float[batch.size()][1], nanos);
        }

        @Override
        public void close() {}
    }

    /** One batch per repetition, no warmup: each repetition's throughput is tokens / its scripted time. */
    static PointResult sweep(ScriptedSession session, int minimum, Adaptive adaptive) {
        EmbeddingWorkload w = new EmbeddingWorkload("w", "embedding", "test", 16, List.of(1), 0, minimum, 0.0, 1, "bundled:default",
                adaptive);
        return new EmbeddingSweep(session, batches, w, ProgressListener.NONE, session.clock::get, () -> false).run().get(0);
    }

    /** The reference: repetitions until the interval is within {@code target}, computed plainly from the times. */
    static int referenceCount(long[] micros, int minimum, double target, int max) {
        List<Double> rates = new ArrayList<>();
        for (int n = 1; n <= max; n++) {
            rates.add(1.0 / micros[(n - 1) % micros.length]); // tokens per batch are equal: the scale cancels
            if (n < minimum || n < 2) {
                continue;
            }
            double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double var = rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (n - 1);
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / n);
            if (half / mean <= target) {
                return n;
            }
        }
        return max;
    }

    @Test
    void repeatsUntilTheIntervalIsWithinTheTarget() {
        long[] micros = {1000, 1100, 900, 1040, 960, 1010, 990, 1005, 995, 1000, 1000, 1000};
        int expected = referenceCount(micros, 3, 0.03, 12);
        PointResult p = sweep(new ScriptedSession(micros), 3, new Adaptive(0.03, 12, 3600));
        assertEquals(expected, p.repetitions().size());
        assertEquals(Repeats.TARGET, p.stoppedBecause());
        assertEquals(true, expected > 3, "the script is noisy enough to need more than the minimum");
        assertEquals(true, p.tokensPerSecond().ci95HalfWidthFraction() <= 0.03);
    }

    @Test
    void aNoisyPointStopsAtItsTimeCap() {
        // 1 ms and 3 ms batches never agree; after 3 repetitions 5 ms have passed, after 4, 8 ms: past a 5.5 ms cap
        PointResult p = sweep(new ScriptedSession(1000, 3000), 3, new Adaptive(0.03, 10, 0.0055));
        assertEquals(4, p.repetitions().size());
        assertEquals(Repeats.TIME, p.stoppedBecause());
    }

    @Test
    void aNoisyPointStopsAtTheMaximumCount() {
        PointResult p = sweep(new ScriptedSession(1000, 3000), 3, new Adaptive(0.03, 6, 3600));
        assertEquals(6, p.repetitions().size());
        assertEquals(Repeats.MAX, p.stoppedBecause());
    }

    @Test
    void aTargetOfZeroRepeatsExactlyTheMinimum() {
        PointResult p = sweep(new ScriptedSession(1000, 3000), 4, new Adaptive(0, 10, 3600));
        assertEquals(4, p.repetitions().size());
        assertEquals(Repeats.FIXED, p.stoppedBecause());
    }
}
