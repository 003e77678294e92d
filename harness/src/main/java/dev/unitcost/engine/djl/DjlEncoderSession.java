package dev.unitcost.engine.djl;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.engine.Pooling;
import dev.unitcost.workload.TokenBatch;
import java.util.List;

/** An encoder run through a DJL predictor with a no-op translator. Not thread safe. */
final class DjlEncoderSession implements ModelSession {

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final ModelInfo info;
    private boolean closed;

    DjlEncoderSession(ZooModel<NDList, NDList> model, java.nio.file.Path onnx) {
        this.model = model;
        this.predictor = model.newPredictor();
        // DJL's OnnxRuntime engine reports the version it was built against (1.21.1), not the library
        // loaded: this build excludes DJL's copy and ships its own, whose version the POM fixes.
        String loaded = dev.unitcost.Versions.current().onnxRuntime();
        this.info = new ModelInfo("djl", "DJL " + ai.djl.engine.Engine.getDjlVersion() + " / OnnxRuntime engine on ONNX Runtime " + loaded
                + " (DJL itself reports " + model.getNDManager().getEngine().getVersion() + ")",
                "cpu", "CPUExecutionProvider",
                List.of("input_ids", "attention_mask", "token_type_ids"), List.of("last_hidden_state"),
                dev.unitcost.engine.ModelShape.encoderGraph(onnx));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public EncodeResult encode(TokenBatch batch) {
        int b = batch.size();
        int s = batch.sequenceLength();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(b, s);
            NDList inputs = new NDList(
                    named(manager.create(TokenBatch.flatten(batch.inputIds()), shape), "input_ids"),
                    named(manager.create(TokenBatch.flatten(batch.attentionMask()), shape), "attention_mask"),
                    named(manager.create(TokenBatch.flatten(batch.tokenTypeIds()), shape), "token_type_ids"));
            long start = System.nanoTime();
            NDList out = predictor.predict(inputs);
            long engineNanos = System.nanoTime() - start;
            NDArray hidden = out.get(0);
            int dim = (int) hidden.getShape().get(2);
            float[] flat = hidden.toFloatArray();
            out.close();
            return new EncodeResult(Pooling.meanPoolNormalized(flat, b, s, dim, batch.attentionMask()), engineNanos);
        } catch (TranslateException e) {
            throw new IllegalStateException("DJL predict failed: " + e.getMessage(), e);
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        predictor.close();
        model.close();
    }
}
