package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.NodeProto;
import dev.unitcost.model.onnx.OnnxProto.StringStringEntryProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto;
import dev.unitcost.synth.TwinOptions.Attention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The int8 twin's MatMulInteger weights, read back from the written files, cannot saturate ONNX Runtime's
 * u8s8 kernels on any x86 CPU: a {@code vpmaddubsw} pair of u8 activations times stored weights stays within
 * int16 (see {@link Int8Rows}). This holds whatever the CPU running the test, unlike a parity test, which
 * passes on a VNNI machine either way. The reference decoder computes with exactly these stored values.
 */
class Int8SaturationTest {

    static Stream<Arguments> twins() {
        return Stream.of(
                Arguments.of(TinyTwins.QWEN, Attention.GQA),
                Arguments.of(TinyTwins.LLAMA, Attention.STANDARD),
                Arguments.of(TinyTwins.MISTRAL, Attention.GQA));
    }

    @ParameterizedTest
    @MethodSource("twins")
    void noActivationPairCanSaturateAnInt16Lane(DecoderArchitecture a, Attention attention, @TempDir Path dir)
            throws Exception {
        TwinOptions o = TwinOptions.defaults(Quantization.INT8, 3).withAttention(attention);
        Path onnx = TinyTwins.write(a, o, dir);
        ModelProto model = read(onnx);
        Map<String, TensorProto> initializers = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        List<NodeProto> matMuls = model.getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("MatMulInteger")).toList();
        assertEquals(7 * a.layers() + 1, matMuls.size(), "seven projections per layer and the lm_head");
        ReferenceWeights reference = new ReferenceWeights(a, o);
        for (NodeProto node : matMuls) {
            String name = node.getInput(1);
            TensorProto weight = initializers.get(name);
            assertEquals(TensorProto.DataType.INT8_VALUE, weight.getDataType(), name);
            int k = (int) weight.getDims(0);
            int n = (int) weight.getDims(1);
            byte[] q = bytes(onnx, weight);
            assertPairsFitInt16(name, q, k, n);
            for (byte z : bytes(onnx, initializers.get(node.getInput(3)))) {
                assertEquals(0, z, name + ": weight zero point");
            }
            assertReferenceUsesStoredValues(name, q, floats(onnx, initializers.get(name.replace("_quantized", "_scale"))),
                    k, n, reference);
        }
    }

    /** Every stored weight is 7-bit, and for every output column the worst pair along K fits a signed int16. */
    private static void assertPairsFitInt16(String name, byte[] q, int k, int n) {
        for (int i = 0; i < q.length; i++) {
            assertTrue(q[i] >= -64 && q[i] <= 63, name + ": byte " + i + " is " + q[i] + ", outside 7 bits");
        }
        for (int col = 0; col < n; col++) {
            for (int row = 0; row + 1 < k; row += 2) {
                int worst = Int8Rows.MAX_ACTIVATION * (Math.abs(q[row * n + col]) + Math.abs(q[(row + 1) * n + col]));
                assertTrue(worst <= Int8Rows.INT16_MAX, name + ": rows " + row + "," + (row + 1) + " of column " + col
                        + " can sum to " + worst);
            }
        }
    }

    /** The reference's [out, in] weights are the stored [in, out] bytes times the stored per-output scales. */
    private static void assertReferenceUsesStoredValues(String name, byte[] q, float[] scales, int k, int n,
            ReferenceWeights reference) {
        String parameter = name.substring(0, name.length() - "_quantized".length());
        float[] expected = parameter.equals("lm_head.weight") ? reference.lmHead() : reference.matrix(parameter);
        assertEquals(expected.length, q.length, name);
        for (int out = 0; out < n; out++) {
            for (int in = 0; in < k; in++) {
                assertEquals(expected[out * k + in], q[in * n + out] * scales[out], 0f, name + " [" + out + "," + in + "]");
            }
        }
    }

    private static ModelProto read(Path onnx) throws IOException {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in);
        }
    }

    private static byte[] bytes(Path onnx, TensorProto t) throws IOException {
        Map<String, String> external = t.getExternalDataList().stream()
                .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        ByteBuffer b = ByteBuffer.allocate(Integer.parseInt(external.get("length")));
        try (FileChannel ch = FileChannel.open(onnx.resolveSibling(external.get("location")))) {
            long position = Long.parseLong(external.get("offset"));
            while (b.hasRemaining()) {
                int read = ch.read(b, position + b.position());
                assertTrue(read > 0, t.getName() + ": data file too short");
            }
        }
        return b.array();
    }

    private static float[] floats(Path onnx, TensorProto t) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes(onnx, t)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(out);
        return out;
    }
}
