package dev.unitcost.synth;

import com.google.protobuf.ByteString;
import dev.unitcost.model.onnx.OnnxProto.AttributeProto;
import dev.unitcost.model.onnx.OnnxProto.GraphProto;
import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.NodeProto;
import dev.unitcost.model.onnx.OnnxProto.OperatorSetIdProto;
import dev.unitcost.model.onnx.OnnxProto.StringStringEntryProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto.DataType;
import dev.unitcost.model.onnx.OnnxProto.TensorShapeProto;
import dev.unitcost.model.onnx.OnnxProto.TypeProto;
import dev.unitcost.model.onnx.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Builds one ONNX graph: nodes, small inline constants, and large initializers whose bytes are
 * written later to an external data file by {@link WeightJob}s. Not thread-safe; used once.
 */
final class OnnxGraph {

    static final int OPSET = 17;
    static final String MS = "com.microsoft";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final List<WeightJob> jobs = new ArrayList<>();
    private int counter;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** An attribute of a node. */
    record Attr(AttributeProto proto) {
        static Attr i(String name, long v) {
            return new Attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build());
        }

        static Attr f(String name, float v) {
            return new Attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build());
        }

        static Attr ints(String name, long... v) {
            AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
            for (long x : v) {
                b.addInts(x);
            }
            return new Attr(b.build());
        }

        static Attr t(String name, TensorProto value) {
            return new Attr(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value).build());
        }
    }

    /** A node with one fresh output; {@code op} may be {@code domain:Type}. Returns the output name. */
    String op(String op, List<String> inputs, Attr... attrs) {
        return ops(op, inputs, 1, attrs)[0];
    }

    /** A node with {@code outputs} fresh outputs. */
    String[] ops(String op, List<String> inputs, int outputs, Attr... attrs) {
        String[] names = new String[outputs];
        String base = op.substring(op.indexOf(':') + 1) + "_" + (counter++);
        for (int i = 0; i < outputs; i++) {
            names[i] = base + "/out" + i;
        }
        node(op, inputs, List.of(names), attrs);
        return names;
    }

    /** A node whose outputs are named by the caller (graph outputs). */
    void node(String op, List<String> inputs, List<String> outputs, Attr... attrs) {
        int colon = op.indexOf(':');
        NodeProto.Builder n = NodeProto.newBuilder()
                .setOpType(op.substring(colon + 1))
                .setName(op.substring(colon + 1) + "_n" + (counter++))
                .addAllInput(inputs)
                .addAllOutput(outputs);
        if (colon > 0) {
            n.setDomain(op.substring(0, colon));
        }
        for (Attr a : attrs) {
            n.addAttribute(a.proto());
        }
        graph.addNode(n);
    }

    /** An inline int64 initializer of the given dims (empty dims: a scalar). */
    String int64s(long[] dims, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return inline("c_i64_" + (counter++), DataType.INT64, dims, b.array());
    }

    /** An inline 1-D int64 vector. */
    String int64Vector(long... values) {
        return int64s(new long[] {values.length}, values);
    }

    /** An inline scalar of the activation type (float or float16). */
    String scalar(int dataType, float value) {
        byte[] bytes = dataType == DataType.FLOAT16_VALUE
                ? ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(Half.fromFloat(value)).array()
                : ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
        return inline("c_s_" + (counter++), DataType.forNumber(dataType), new long[0], bytes);
    }

    String inline(String name, DataType type, long[] dims, byte[] raw) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Registers a job that writes the bytes of external initializers; returns its tensors' names in order. */
    void add(WeightJob job) {
        jobs.add(job);
    }

    List<WeightJob> jobs() {
        return Collections.unmodifiableList(jobs);
    }

    /** A graph input or output; a dimension is an Integer (fixed) or a String (symbolic). */
    void input(String name, int dataType, Object... dims) {
        graph.addInput(valueInfo(name, dataType, dims));
    }

    void output(String name, int dataType, Object... dims) {
        graph.addOutput(valueInfo(name, dataType, dims));
    }

    private static ValueInfoProto valueInfo(String name, int dataType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Integer i) {
                dim.setDimValue(i);
            } else {
                dim.setDimParam((String) d);
            }
            shape.addDim(dim);
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(dataType).setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /**
     * The finished model. External initializers point into {@code dataFile} at the given offsets.
     *
     * @param offsets byte offset of each external tensor in the data file, by name
     */
    ModelProto toModel(String dataFile, Map<String, Long> offsets, Map<String, String> metadata) {
        GraphProto.Builder g = graph.clone();
        for (WeightJob job : jobs) {
            for (ExternalTensor t : job.tensors()) {
                TensorProto.Builder p = TensorProto.newBuilder().setName(t.name()).setDataType(t.dataType())
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(entry("location", dataFile))
                        .addExternalData(entry("offset", Long.toString(offsets.get(t.name()))))
                        .addExternalData(entry("length", Long.toString(t.byteLength())));
                for (long d : t.dims()) {
                    p.addDims(d);
                }
                g.addInitializer(p);
            }
        }
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("unitcost synth")
                .setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MS).setVersion(1));
        metadata.forEach((k, v) -> m.addMetadataProps(entry(k, v)));
        return m.build();
    }

    private static StringStringEntryProto entry(String k, String v) {
        return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
    }
}
