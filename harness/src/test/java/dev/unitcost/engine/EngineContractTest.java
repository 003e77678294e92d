package dev.unitcost.engine;

import dev.unitcost.workload.TokenBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every engine, same model, same padded batch: same embeddings. */
class EngineContractTest {

    static ModelSpec model;
    static TokenBatch batch;

    @BeforeAll
    static void setUp() {
        model = TestModels.miniLm();
        try (HfTokenizer tok = HfTokenizer.load(model.tokenizerFile())) {
            List<String> texts = List.of("The cat sat on the mat.",
                    "Quantised weights cut memory use by three quarters.",
                    "Hello");
            long[][] rows = texts.stream().map(tok::encodeSentence).toArray(long[][]::new);
            int len = 0;
            for (long[] r : rows) {
                len = Math.max(len, r.length);
            }
            long[][] ids = new long[rows.length][len];
            long[][] mask = new long[rows.length][len];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, ids[i], 0, rows[i].length);
                for (int j = 0; j < rows[i].length; j++) {
                    mask[i][j] = 1;
                }
            }
            batch = new TokenBatch(ids, mask, new long[rows.length][len]);
        }
    }

    @Test
    void everyEngineGivesTheSameEmbeddings() {
        float[][] reference = null;
        String referenceEngine = null;
        for (Engine engine : Engines.all()) {
            assertTrue(engine.isAvailable(), engine.name() + ": " + engine.unavailableReason());
            try (ModelSession session = engine.open(model.ref(), EngineOptions.defaults())) {
                EncodeResult out = session.encode(batch);
                assertEquals(3, out.embeddings().length);
                assertEquals(384, out.embeddings()[0].length);
                assertTrue(out.engineNanos() > 0);
                assertEquals(engine.name(), session.info().engine());
                if (reference == null) {
                    reference = out.embeddings();
                    referenceEngine = engine.name();
                } else {
                    for (int i = 0; i < reference.length; i++) {
                        assertArrayEquals(reference[i], out.embeddings()[i], 1e-5f,
                                engine.name() + " vs " + referenceEngine + ", sentence " + i);
                    }
                }
            }
        }
    }

    @Test
    void closeIsIdempotent() {
        for (Engine engine : Engines.all()) {
            ModelSession session = engine.open(model.ref(), EngineOptions.defaults());
            session.close();
            session.close();
        }
    }
}
