package dev.unitcost.model;

import dev.unitcost.synth.onnx.OnnxProto.ModelProto;
import dev.unitcost.synth.onnx.OnnxProto.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Initializer bytes of an ONNX graph per element type, from shapes and types alone (so external
 * data is never read). 4-bit types count half a byte per element; MatMulNBits weights are uint8
 * blobs and count as such.
 */
public final class OnnxWeights {

    private static final int UINT4 = 21;
    private static final int INT4 = 22;

    private OnnxWeights() {}

    public static Map<String, Long> bytesByDtype(Path onnx) {
        ModelProto model;
        try (InputStream in = Files.newInputStream(onnx)) {
            model = ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + onnx, e);
        }
        Map<String, Long> bytes = new TreeMap<>();
        for (TensorProto t : model.getGraph().getInitializerList()) {
            long elements = 1;
            for (long d : t.getDimsList()) {
                elements *= d;
            }
            TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
            if (t.getDataType() == UINT4 || t.getDataType() == INT4) { // newer than the vendored onnx.proto
                bytes.merge(t.getDataType() == INT4 ? "int4" : "uint4", (elements + 1) / 2, Long::sum);
                continue;
            }
            String name = type == null ? "type" + t.getDataType() : type.name().toLowerCase(java.util.Locale.ROOT);
            bytes.merge(name, bytesFor(type, elements), Long::sum);
        }
        return bytes;
    }

    static long bytesFor(TensorProto.DataType type, long elements) {
        if (type == null) {
            return 0;
        }
        return switch (type) {
            case DOUBLE, INT64, UINT64, COMPLEX64 -> elements * 8;
            case FLOAT, INT32, UINT32 -> elements * 4;
            case FLOAT16, BFLOAT16, INT16, UINT16 -> elements * 2;
            case COMPLEX128 -> elements * 16;
            default -> elements; // int8, uint8, bool, float8 variants
        };
    }
}
