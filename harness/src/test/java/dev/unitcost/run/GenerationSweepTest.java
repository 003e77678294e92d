package dev.unitcost.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unitcost.engine.GenerationRequest;
import dev.unitcost.engine.GenerationResult;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.engine.OutOfMemoryException;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.ModelShape;
import dev.unitcost.metrics.RequestTimings;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.workload.GenerationWorkload;
import dev.unitcost.workload.Prompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The sweep's bookkeeping on a deterministic fake decoder: counts, phases, and a point that runs out of memory. */
class GenerationSweepTest {

    /** Every step takes 1 ms of "engine" time and 1.1 ms of wall time; batch 8 does not fit. */
    static final class FakeDecoder implements GenerationSession {
        final List<String> phases = new ArrayList<>();

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "0", "cpu", "none", List.of(), List.of(),
                    new ModelShape(1_000_000L, Map.of("float32", 4_000_000L), 4_000_000L, 3_000_000L, 64L, "last", 0.25));
        }

        @Override
        public int kvElementBytes() {
            return 4;
        }

        @Override
        public GenerationResult generate(GenerationRequest r, Consumer<String> phaseListener) {
            if (r.batchSize() == 8) {
                throw new OutOfMemoryException("fake: batch 8 does not fit");
            }
            phaseListener.accept("prefill");
            phaseListener.accept("decode");
            int steps = r.outputTokens();
            long[] wall = new long[steps];
            long[] engine = new long[steps];
            long[] tokens = new long[steps];
            for (int s = 0; s < steps; s++) {
                wall[s] = s == 0 ? 10_000_000L : 1_100_000L;
                engine[s] = s == 0 ? 9_000_000L : 1_000_000L;
                tokens[s] = (s == 0 ? 0 : tokens[s - 1]) + wall[s];
            }
            List<RequestTimings> timings = new ArrayList<>();
            long[][] ids = new long[r.batchSize()][steps];
            for (int b = 0; b < r.batchSize(); b++) {
                timings.add(new RequestTimings(0, tokens));
            }
            return new GenerationResult(timings, ids, wall, engine);
        }

        @Override
        public void close() {}
    }

    @Test
    void countsEveryTokenAndRecordsOutOfMemoryAndGoesOn() {
        GenerationWorkload w = new GenerationWorkload("w", "generation", "test", List.of(8, 2), List.of(16), List.of(5), 1, 3,
                "random", false, 1L);
        DecoderFacts facts = new DecoderFacts(null, Map.of(), 1000, 1000, 64, 1e9, "test", "last", null);
        List<String> marks = new ArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void phase(String phase) {
                marks.add(phase);
            }
        };
        List<GenerationPoint> points = new GenerationSweep(new FakeDecoder(), Prompts.random(100, 1), w, facts, progress, System::nanoTime, () -> false).run();

        assertEquals(2, points.size());
        assertEquals("out-of-memory", points.get(0).status());
        assertEquals(8, points.get(0).batchSize());
        GenerationPoint p = points.get(1);
        assertEquals("ok", p.status());
        var rep = p.repetitions().get(0);
        assertEquals(32, rep.promptTokens());
        assertEquals(10, rep.outputTokens());
        assertEquals(10_000_000L, rep.prefillNanos());
        assertEquals(4 * 1_100_000L, rep.decodeNanos());
        // prefill: 32 tokens / 10 ms = 3,200 tok/s; decode: (10 - 2) tokens / 4.4 ms
        assertEquals(3200.0, rep.prefillTokensPerSecond(), 1e-9);
        assertEquals(8 / 0.0044, rep.decodeTokensPerSecond(), 1e-6);
        // overhead: (14.4 - 13) / 14.4 ms
        assertEquals(1.4 / 14.4, rep.harnessOverheadFraction(), 1e-12);
        assertEquals(6, p.latencies().ttft().count(), "3 batches x 2 requests");
        assertEquals(24, p.latencies().itl().count(), "6 requests x 4 gaps");
        // MBU: (1000 weight bytes + 64 KV bytes x 2 sequences x (16 + 5/2) tokens) / 1.1 ms TPOT / 1 GB/s
        // (TPOT comes from the HdrHistogram, 3 significant digits)
        assertEquals((1000 + 64 * 2 * 18.5) / 0.0011 / 1e9, p.decodeMbu(), 1e-5);
        // batch 8 fails in its warmup; batch 2 warms up (no prefill/decode marks there), then measures
        assertEquals(List.of("warmup", "warmup", "measure", "prefill", "decode"), marks.subList(0, 5));
        assertEquals("idle", marks.get(marks.size() - 1));
        assertNull(points.get(0).latencies());
    }
}
