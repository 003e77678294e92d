package dev.unitcost.synth;

import java.util.Arrays;

/**
 * An initializer whose bytes live in the external data file.
 *
 * @param name initializer name (Hugging Face parameter name, with a suffix for quantisation parts)
 * @param dataType ONNX TensorProto data type number
 * @param dims shape
 * @param byteLength bytes it occupies
 */
record ExternalTensor(String name, int dataType, long[] dims, long byteLength) {
    ExternalTensor {
        dims = dims.clone();
        if (byteLength <= 0) {
            throw new IllegalArgumentException(name + ": byteLength must be positive, got " + byteLength);
        }
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims);
    }
}
