package dev.unitcost.engine.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.unitcost.InputException;
import java.util.List;
import java.util.Map;

/**
 * A graph input that limits logits to the last positions (transformers' {@code num_logits_to_keep}, renamed
 * {@code logits_to_keep} in later versions): an int64 or int32 scalar, or a one-element vector.
 */
record LogitsToKeep(String name, OnnxJavaType type, boolean vector) {

    LogitsToKeep {
        java.util.Objects.requireNonNull(name, "name");
        if (type != OnnxJavaType.INT64 && type != OnnxJavaType.INT32) {
            throw new InputException("the graph's " + name + " input is " + type + "; this harness feeds int64 or int32");
        }
    }

    static LogitsToKeep find(OrtSession session) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        for (String name : List.of("num_logits_to_keep", "logits_to_keep")) {
            if (inputs.get(name) != null && inputs.get(name).getInfo() instanceof TensorInfo t) {
                return new LogitsToKeep(name, t.type, t.getShape().length == 1);
            }
        }
        return null;
    }

    /** The tensor asking for one position's logits. */
    OnnxTensor one(OrtEnvironment env) throws OrtException {
        if (type == OnnxJavaType.INT32) {
            return vector ? OnnxTensor.createTensor(env, new int[] {1}) : OnnxTensor.createTensor(env, 1);
        }
        return vector ? OnnxTensor.createTensor(env, new long[] {1}) : OnnxTensor.createTensor(env, 1L);
    }
}
