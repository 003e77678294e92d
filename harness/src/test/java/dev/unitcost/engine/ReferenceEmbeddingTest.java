package dev.unitcost.engine;

import dev.unitcost.workload.TokenBatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.unitcost.TestModels;
import dev.unitcost.engine.djl.HfTokenizer;
import dev.unitcost.model.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our ONNX Runtime path against an independent client of the same int8 model: langchain4j's own
 * quantised MiniLM embedding model (its own tokenizer wrapper, session and pooling).
 */
class ReferenceEmbeddingTest {

    static final List<String> SENTENCES = List.of(
            "The invoice for March was charged twice.",
            "How do I rotate an API key without downtime?",
            "Heavy rain is expected over the weekend, with local flooding possible.",
            "An embedding model maps each sentence to a vector.",
            "unitcost prices a million tokens on hardware we run ourselves.");

    @Test
    void ourEmbeddingsMatchLangchain4j() {
        ModelSpec model = TestModels.miniLm();
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        try (HfTokenizer tokenizer = HfTokenizer.load(model.tokenizerFile());
                ModelSession ours = Engines.byName("ort").open(model.ref(), EngineOptions.defaults())) {
            for (String sentence : SENTENCES) {
                float[] theirs = reference.embed(sentence).content().vector();
                float[] mine = ours.encode(TokenBatch.unpadded(new long[][] {tokenizer.encodeSentence(sentence)}))
                        .embeddings()[0];
                double cosine = cosine(mine, theirs);
                assertTrue(cosine >= 0.9999, "cosine " + cosine + " for: " + sentence);
            }
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
