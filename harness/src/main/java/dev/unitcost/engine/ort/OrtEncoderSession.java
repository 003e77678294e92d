package dev.unitcost.engine.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.unitcost.InputException;
import dev.unitcost.engine.EncodeResult;
import dev.unitcost.engine.ModelInfo;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.engine.Pooling;
import dev.unitcost.engine.TokenBatch;
import dev.unitcost.model.ModelSpec;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An encoder (BERT-style: input_ids, attention_mask, optional token_type_ids ->
 * last_hidden_state) in an ONNX Runtime session. Not thread safe.
 */
final class OrtEncoderSession implements ModelSession {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelInfo info;
    private final boolean takesTokenTypes;
    private final String outputName;
    private boolean closed;

    private OrtEncoderSession(OrtEnvironment env, OrtSession session, ModelInfo info, boolean takesTokenTypes, String outputName) {
        this.env = env;
        this.session = session;
        this.info = info;
        this.takesTokenTypes = takesTokenTypes;
        this.outputName = outputName;
    }

    static OrtEncoderSession create(OrtEnvironment env, OrtSession session, ModelSpec model, OrtEngine.Configured where) throws OrtException {
        List<String> inputs = new ArrayList<>(session.getInputNames());
        List<String> outputs = new ArrayList<>(session.getOutputNames());
        List<String> missing = OrtEngine.ENCODER_INPUTS.stream().filter(n -> !inputs.contains(n)).toList();
        if (!missing.isEmpty()) {
            session.close();
            throw new InputException(model.onnxFile() + ": not an encoder this harness can drive: missing inputs "
                    + missing + " (has " + inputs + ")");
        }
        String output = outputs.contains("last_hidden_state") ? "last_hidden_state" : rank3FloatOutput(session);
        if (output == null) {
            session.close();
            throw new InputException(model.onnxFile() + ": no [batch, sequence, hidden] float output (has " + outputs + ")");
        }
        ModelInfo info = new ModelInfo("ort", env.getVersion(), where.device(), where.provider(), inputs, outputs);
        return new OrtEncoderSession(env, session, info, inputs.contains("token_type_ids"), output);
    }

    private static String rank3FloatOutput(OrtSession session) throws OrtException {
        for (Map.Entry<String, NodeInfo> e : session.getOutputInfo().entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo t && t.getShape().length == 3
                    && t.type == ai.onnxruntime.OnnxJavaType.FLOAT) {
                return e.getKey();
            }
        }
        return null;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public EncodeResult encode(TokenBatch batch) {
        int b = batch.size();
        int s = batch.sequenceLength();
        long[] shape = {b, s};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(TokenBatch.flatten(batch.inputIds())), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(TokenBatch.flatten(batch.attentionMask())), shape));
            if (takesTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(TokenBatch.flatten(batch.tokenTypeIds())), shape));
            }
            long start = System.nanoTime();
            try (OrtSession.Result result = session.run(inputs, java.util.Set.of(outputName))) {
                long engineNanos = System.nanoTime() - start;
                OnnxValue value = result.get(0);
                OnnxTensor hidden = (OnnxTensor) value;
                long[] outShape = hidden.getInfo().getShape();
                FloatBuffer buffer = hidden.getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                int dim = (int) outShape[2];
                return new EncodeResult(Pooling.meanPoolNormalized(flat, b, s, dim, batch.attentionMask()), engineNanos);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime run failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }
}
