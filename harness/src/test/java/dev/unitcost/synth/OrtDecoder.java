package dev.unitcost.synth;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.unitcost.model.DecoderArchitecture;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a written twin through ONNX Runtime for one sequence (batch 1), feeding each run's
 * {@code present.*} back as the next run's {@code past_key_values.*}, as a generation engine does.
 */
final class OrtDecoder implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final DecoderArchitecture a;
    private final boolean half;
    private Map<String, OnnxTensor> past = new HashMap<>();
    private OrtSession.Result lastResult;
    private int length;

    OrtDecoder(Path onnxFile, DecoderArchitecture a, boolean half) throws OrtException {
        this.a = a;
        this.half = half;
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(1);
        this.session = env.createSession(onnxFile.toString(), so);
        for (int i = 0; i < a.layers(); i++) {
            for (String kv : List.of("key", "value")) {
                past.put("past_key_values." + i + "." + kv, emptyCache());
            }
        }
    }

    OrtSession session() {
        return session;
    }

    private OnnxTensor emptyCache() throws OrtException {
        long[] shape = {1, a.kvHeads(), 0, a.headDim()};
        return half ? OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0), shape, OnnxJavaType.FLOAT16)
                : OnnxTensor.createTensor(env, FloatBuffer.allocate(0), shape);
    }

    /** Runs the tokens at the next positions; returns logits [position][vocab] for every row the graph emits. */
    float[][] run(long... tokens) throws OrtException {
        int s = tokens.length;
        long[] mask = new long[length + s];
        java.util.Arrays.fill(mask, 1L);
        long[] positions = new long[s];
        for (int i = 0; i < s; i++) {
            positions[i] = length + i;
        }
        Map<String, OnnxTensor> inputs = new HashMap<>(past);
        try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens), new long[] {1, s});
                OnnxTensor am = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, mask.length});
                OnnxTensor pos = OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {1, s})) {
            inputs.put("input_ids", ids);
            inputs.put("attention_mask", am);
            inputs.put("position_ids", pos);
            OrtSession.Result result = session.run(inputs);
            Map<String, OnnxTensor> next = new HashMap<>();
            for (int i = 0; i < a.layers(); i++) {
                for (String kv : List.of("key", "value")) {
                    next.put("past_key_values." + i + "." + kv, (OnnxTensor) result.get("present." + i + "." + kv).get());
                }
            }
            closePast();
            past = next;
            lastResult = result;
            length += s;
            return logits((OnnxTensor) result.get("logits").get());
        }
    }

    /** Shape of a present tensor from the last run. */
    long[] presentShape(int layer) throws OrtException {
        return past.get("past_key_values." + layer + ".key").getInfo().getShape();
    }

    private static float[][] logits(OnnxTensor t) {
        long[] shape = t.getInfo().getShape();
        FloatBuffer fb = t.getFloatBuffer(); // float16 is widened to float by the binding
        int rows = (int) shape[1];
        int vocab = (int) shape[2];
        float[][] out = new float[rows][vocab];
        for (int r = 0; r < rows; r++) {
            fb.get(out[r]);
        }
        return out;
    }

    private void closePast() {
        if (lastResult != null) {
            lastResult.close();
            lastResult = null;
        } else {
            past.values().forEach(OnnxValue::close);
        }
    }

    @Override
    public void close() throws OrtException {
        closePast();
        session.close();
    }
}
