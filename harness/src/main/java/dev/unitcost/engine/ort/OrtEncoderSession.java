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
import dev.unitcost.engine.OutOfMemoryException;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.engine.Pooling;
import dev.unitcost.workload.TokenBatch;
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
    /** Hidden size when the graph fixes it (then outputs are pinned), else -1. */
    private final int hiddenDim;
    private OnnxTensor pinned;
    private java.nio.ByteBuffer pinnedBuffer;
    private long pinnedRows = -1;
    private boolean closed;

    private OrtEncoderSession(OrtEnvironment env, OrtSession session, ModelInfo info, boolean takesTokenTypes, String outputName,
            int hiddenDim) {
        this.hiddenDim = hiddenDim;
        this.env = env;
        this.session = session;
        this.info = info;
        this.takesTokenTypes = takesTokenTypes;
        this.outputName = outputName;
    }

    static OrtEncoderSession create(OrtEnvironment env, OrtSession session, java.nio.file.Path onnx, OrtEngine.Configured where) throws OrtException {
        List<String> inputs = new ArrayList<>(session.getInputNames());
        List<String> outputs = new ArrayList<>(session.getOutputNames());
        List<String> missing = OrtEngine.ENCODER_INPUTS.stream().filter(n -> !inputs.contains(n)).toList();
        if (!missing.isEmpty()) {
            session.close();
            throw new InputException(onnx + ": not an encoder this harness can drive: missing inputs "
                    + missing + " (has " + inputs + ")");
        }
        String output = outputs.contains("last_hidden_state") ? "last_hidden_state" : rank3FloatOutput(session);
        if (output == null) {
            session.close();
            throw new InputException(onnx + ": no [batch, sequence, hidden] float output (has " + outputs + ")");
        }
        ModelInfo info = new ModelInfo("ort", env.getVersion(), where.device(), where.provider(), inputs, outputs,
                dev.unitcost.engine.ModelShape.encoderGraph(onnx));
        TensorInfo out = (TensorInfo) session.getOutputInfo().get(output).getInfo();
        int dim = out.type == ai.onnxruntime.OnnxJavaType.FLOAT && out.getShape().length == 3 && out.getShape()[2] > 0
                ? (int) out.getShape()[2] : -1;
        return new OrtEncoderSession(env, session, info, inputs.contains("token_type_ids"), output, dim);
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
            if (hiddenDim > 0) {
                // ONNX Runtime writes the hidden states into our direct buffer: pooled in place, never copied
                OnnxTensor out = pinnedOutput(b, s);
                long start = System.nanoTime();
                try (OrtSession.Result result = session.run(inputs, java.util.Set.of(), Map.of(outputName, out))) {
                    long engineNanos = System.nanoTime() - start;
                    return new EncodeResult(Pooling.meanPoolNormalized(pinnedBuffer.asFloatBuffer(), b, s, hiddenDim,
                            batch.attentionMask()), engineNanos);
                }
            }
            long start = System.nanoTime();
            try (OrtSession.Result result = session.run(inputs, java.util.Set.of(outputName))) {
                long engineNanos = System.nanoTime() - start;
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                int dim = (int) hidden.getInfo().getShape()[2];
                return new EncodeResult(Pooling.meanPoolNormalized(hidden.getFloatBuffer(), b, s, dim, batch.attentionMask()), engineNanos);
            }
        } catch (OrtException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("alloc")) {
                throw new OutOfMemoryException("ONNX Runtime could not allocate memory: " + OrtEngine.firstLine(e.getMessage()));
            }
            throw new IllegalStateException("ONNX Runtime run failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The pinned output for a {@code batch x sequence} batch, reallocated only when the shape changes. */
    private OnnxTensor pinnedOutput(int batch, int sequence) throws OrtException {
        long rows = (long) batch * sequence;
        if (pinned == null || rows != pinnedRows || pinned.getInfo().getShape()[0] != batch) {
            if (pinned != null) {
                pinned.close();
                pinned = null; // never leave a closed tensor behind if the next allocation fails
                pinnedRows = -1;
            }
            long bytes = rows * hiddenDim * Float.BYTES;
            if (bytes > Integer.MAX_VALUE) {
                throw new OutOfMemoryException("hidden states of " + batch + " x " + sequence + " x " + hiddenDim + " exceed 2 GB");
            }
            pinnedBuffer = java.nio.ByteBuffer.allocateDirect((int) bytes).order(java.nio.ByteOrder.nativeOrder());
            pinned = OnnxTensor.createTensor(env, pinnedBuffer.asFloatBuffer(), new long[] {batch, sequence, hiddenDim});
            pinnedRows = rows;
        }
        return pinned;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pinned != null) {
            pinned.close();
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }
}
