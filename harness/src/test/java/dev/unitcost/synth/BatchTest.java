package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.synth.TwinOptions.Attention;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A batch of two equal-length sequences gives each sequence the logits it gets alone (the reference's). */
class BatchTest {

    @ParameterizedTest
    @EnumSource(Attention.class)
    void batchRowsMatchSingleSequences(Attention attention, @TempDir Path dir) throws Exception {
        DecoderArchitecture a = TinyTwins.QWEN;
        TwinOptions o = TwinOptions.defaults(Quantization.FP32, 4).withAttention(attention).withLastTokenLogits(true);
        Path onnx = TinyTwins.write(a, o, dir);
        long[][] prompts = {{1, 2, 3, 4}, {400, 300, 200, 100}};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> in = new HashMap<>();
            long[] ids = new long[8];
            long[] pos = new long[8];
            long[] mask = new long[8];
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 4; t++) {
                    ids[b * 4 + t] = prompts[b][t];
                    pos[b * 4 + t] = t;
                    mask[b * 4 + t] = 1;
                }
            }
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {2, 4}));
            in.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(pos), new long[] {2, 4}));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {2, 4}));
            for (int i = 0; i < a.layers(); i++) {
                for (String kv : new String[] {"key", "value"}) {
                    in.put("past_key_values." + i + "." + kv,
                            OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {2, a.kvHeads(), 0, a.headDim()}));
                }
            }
            try (OrtSession.Result r = s.run(in)) {
                OnnxTensor logits = (OnnxTensor) r.get("logits").get();
                assertEquals(Arrays.toString(new long[] {2, 1, a.vocab()}), Arrays.toString(logits.getInfo().getShape()));
                FloatBuffer fb = logits.getFloatBuffer();
                for (int b = 0; b < 2; b++) {
                    double[][] ref = new ReferenceDecoder(a, new ReferenceWeights(a, o)).forward(prompts[b]);
                    for (int v = 0; v < a.vocab(); v++) {
                        assertEquals(ref[3][v], fb.get(b * a.vocab() + v), 1e-4, "row " + b + " token " + v);
                    }
                }
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }
    }
}
