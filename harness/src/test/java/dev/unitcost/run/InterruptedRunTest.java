package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.result.PointResult;
import dev.unitcost.workload.Adaptive;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.TokenBatch;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A stop asked for mid-sweep (Ctrl-C) keeps the finished repetitions and marks what did not run. */
class InterruptedRunTest {

    @Test
    void theFinishedRepetitionsAreKeptAndTheRestSaySo() {
        AtomicLong clock = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        int[] calls = {0};
        ModelSession session = new ModelSession() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("fake", "0", "cpu", "none", List.of(), List.of());
            }

            @Override
            public EncodeResult encode(TokenBatch batch) {
                clock.addAndGet(1_000_000);
                if (++calls[0] == 4) {
                    stop.set(true); // during the fourth batch: the second point's first repetition
                }
                return new EncodeResult(new float[batch.size()][1], 1_000_000);
            }

            @Override
            public void close() {}
        };
        EmbeddingWorkload w = new EmbeddingWorkload("w", "embedding", "test", 16, List.of(1, 2), 0, 3, 0.0, 1, "bundled:default",
                new Adaptive(0, 10, 60));
        AdaptiveRepetitionsTest.tokenize();
        List<PointResult> points = new EmbeddingSweep(session, AdaptiveRepetitionsTest.batches, w, ProgressListener.NONE, clock::get,
                stop::get).run();
        assertEquals(2, points.size());
        assertEquals("ok", points.get(0).status());
        assertEquals(3, points.get(0).repetitions().size(), "the finished point is kept whole");
        assertNotNull(points.get(0).tokensPerSecond());
        assertEquals("not run: interrupted", points.get(1).status(), "its repetition in flight was shorter than asked: dropped");
        assertEquals(0, points.get(1).repetitions().size());
    }
}
