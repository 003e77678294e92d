package dev.unitcost.model;

import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto;
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

    /**
     * Initializer bytes by element type, and the bytes a decode step reads: every initializer but
     * those only looked up row by row (the data input of a Gather, i.e. an untied embedding table).
     */
    public record Summary(Map<String, Long> bytesByDtype, long totalBytes, long bytesReadPerStep) {}

    public static Summary summarise(Path onnx) {
        ModelProto model = parse(onnx);
        java.util.Set<String> gathered = new java.util.HashSet<>();
        java.util.Set<String> usedElsewhere = new java.util.HashSet<>();
        for (var node : model.getGraph().getNodeList()) {
            for (int i = 0; i < node.getInputCount(); i++) {
                if ("Gather".equals(node.getOpType()) && i == 0) {
                    gathered.add(node.getInput(i));
                } else {
                    usedElsewhere.add(node.getInput(i));
                }
            }
        }
        Map<String, Long> byDtype = bytesByDtype(model);
        long total = byDtype.values().stream().mapToLong(Long::longValue).sum();
        long lookedUp = 0;
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (gathered.contains(t.getName()) && !usedElsewhere.contains(t.getName())) {
                lookedUp += bytes(t);
            }
        }
        return new Summary(byDtype, total, total - lookedUp);
    }

    private static ModelProto parse(Path onnx) {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + onnx, e);
        }
    }

    public static Map<String, Long> bytesByDtype(Path onnx) {
        return bytesByDtype(parse(onnx));
    }

    private static long bytes(TensorProto t) {
        long elements = 1;
        for (long d : t.getDimsList()) {
            elements *= d;
        }
        if (t.getDataType() == UINT4 || t.getDataType() == INT4) {
            return (elements + 1) / 2;
        }
        return bytesFor(TensorProto.DataType.forNumber(t.getDataType()), elements);
    }

    static Map<String, Long> bytesByDtype(ModelProto model) {
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
