package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.StringStringEntryProto;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A default twin computes prefill logits for the last position only ({@code [batch, 1, vocab]}), as serving
 * engines do, and says so in its metadata; the full-logits variant still emits every prompt position's.
 */
class LastPositionLogitsTest {

    private static final long[] PROMPT = {5, 17, 301, 42, 7, 99};

    @ParameterizedTest
    @EnumSource(Quantization.class)
    void defaultTwinPrefillHasSequenceDimensionOne(Quantization q, @TempDir Path dir) throws Exception {
        DecoderArchitecture a = TinyTwins.QWEN;
        TwinOptions o = TwinOptions.defaults(q, 1);
        assertTrue(o.lastTokenLogits());
        Path onnx = TinyTwins.write(a, o, dir);
        try (OrtDecoder ort = new OrtDecoder(onnx, a, q.halfActivations())) {
            long[] declared = ((TensorInfo) ort.session().getOutputInfo().get("logits").getInfo()).getShape();
            assertEquals(1, declared[1], "declared sequence dimension of logits");
            assertEquals(a.vocab(), declared[2]);
            assertEquals(1, ort.run(PROMPT).length, "prefill logit rows");
            assertEquals(1, ort.run(3).length, "decode logit rows");
        }
        assertEquals("last", metadata(onnx).get("unitcost.twin.prefill_logits"));
        JsonNode twin = new ObjectMapper().readTree(onnx.getParent().resolveSibling("twin.json").toFile());
        assertTrue(twin.path("lastTokenLogits").asBoolean());
        assertEquals("last", twin.path("prefillLogits").asText());
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"FP32", "INT4"})
    void fullLogitsVariantEmitsEveryPromptPosition(Quantization q, @TempDir Path dir) throws Exception {
        DecoderArchitecture a = TinyTwins.QWEN;
        Path onnx = TinyTwins.write(a, TwinOptions.defaults(q, 1).withLastTokenLogits(false), dir);
        try (OrtDecoder ort = new OrtDecoder(onnx, a, false)) {
            long[] declared = ((TensorInfo) ort.session().getOutputInfo().get("logits").getInfo()).getShape();
            assertArrayEquals(new long[] {-1, -1, a.vocab()}, declared, "batch and sequence are symbolic");
            assertEquals(PROMPT.length, ort.run(PROMPT).length, "prefill logit rows");
        }
        assertEquals("all", metadata(onnx).get("unitcost.twin.prefill_logits"));
        JsonNode twin = new ObjectMapper().readTree(onnx.getParent().resolveSibling("twin.json").toFile());
        assertFalse(twin.path("lastTokenLogits").asBoolean());
    }

    private static Map<String, String> metadata(Path onnx) throws Exception {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in).getMetadataPropsList().stream()
                    .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        }
    }
}
