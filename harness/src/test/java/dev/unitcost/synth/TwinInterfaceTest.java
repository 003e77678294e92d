package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What an engine sees: Optimum's input and output names and types, Hugging Face initializer names, presets' configs. */
class TwinInterfaceTest {

    @ParameterizedTest
    @EnumSource(Quantization.class)
    void optimumInputsAndOutputs(Quantization q, @TempDir Path dir) throws Exception {
        DecoderArchitecture a = TinyTwins.QWEN;
        Path onnx = TinyTwins.write(a, TwinOptions.defaults(q, 1), dir);
        assertEquals(q.fileName(), onnx.getFileName().toString());
        OnnxJavaType cacheType = q.halfActivations() ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT;
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            List<String> inputs = new ArrayList<>(List.of("input_ids", "attention_mask", "position_ids"));
            List<String> outputs = new ArrayList<>(List.of("logits"));
            for (int i = 0; i < a.layers(); i++) {
                inputs.addAll(List.of("past_key_values." + i + ".key", "past_key_values." + i + ".value"));
                outputs.addAll(List.of("present." + i + ".key", "present." + i + ".value"));
            }
            assertEquals(Set.copyOf(inputs), s.getInputNames());
            assertEquals(Set.copyOf(outputs), s.getOutputNames());
            Map<String, NodeInfo> in = s.getInputInfo();
            assertEquals(OnnxJavaType.INT64, ((TensorInfo) in.get("input_ids").getInfo()).type);
            TensorInfo past = (TensorInfo) in.get("past_key_values.0.key").getInfo();
            assertEquals(cacheType, past.type);
            long[] shape = past.getShape();
            assertEquals(a.kvHeads(), shape[1]);
            assertEquals(a.headDim(), shape[3]);
            assertEquals(cacheType, ((TensorInfo) s.getOutputInfo().get("logits").getInfo()).type);
        }
    }

    @Test
    void initializersCarryHuggingFaceNames(@TempDir Path dir) throws Exception {
        DecoderArchitecture a = TinyTwins.QWEN;
        Set<String> fp32 = initializers(TinyTwins.write(a, TwinOptions.defaults(Quantization.FP32, 1),
                Files.createDirectory(dir.resolve("f"))));
        for (TwinParameters.Parameter p : TwinParameters.of(a)) {
            assertTrue(fp32.contains(p.name()), p.name());
        }
        Set<String> int4 = initializers(TinyTwins.write(a, TwinOptions.defaults(Quantization.INT4, 1),
                Files.createDirectory(dir.resolve("q"))));
        assertTrue(int4.containsAll(List.of("model.layers.1.self_attn.q_proj.weight_Q4",
                "model.layers.1.self_attn.q_proj.weight_scales", "model.layers.1.self_attn.q_proj.bias",
                "model.embed_tokens.weight", "lm_head.weight_Q4")), int4.toString());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"smollm2-135m", "qwen2.5-0.5b", "qwen2.5-1.5b",
        "llama-3.2-1b", "llama-3.1-8b", "mistral-7b"})
    void presetConfigReadsBackAsTheSameArchitecture(String name) {
        TwinPreset p = TwinPreset.named(name);
        assertEquals(p.architecture(), DecoderArchitecture.fromHfConfig(p.hfConfig()));
    }

    private static Set<String> initializers(Path onnx) throws Exception {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in).getGraph().getInitializerList().stream().map(TensorProto::getName)
                    .collect(Collectors.toSet());
        }
    }
}
