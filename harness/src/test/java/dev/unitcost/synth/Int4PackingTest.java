package dev.unitcost.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.StringStringEntryProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bytes of a written int4 twin, read back from its external data file through the ONNX
 * model's own external-data entries, against an independent quantiser written here.
 */
class Int4PackingTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 128})
    void packedWeightsAreBitExact(int blockSize, @TempDir Path dir) throws Exception {
        var a = TinyTwins.LLAMA; // down_proj has K = 128, q_proj K = 64: padded to one block at 128
        TwinOptions o = TwinOptions.defaults(Quantization.INT4, 5).withBlockSize(blockSize);
        Path onnx = TinyTwins.write(a, o, dir);
        ModelProto model;
        try (InputStream in = Files.newInputStream(onnx)) {
            model = ModelProto.parseFrom(in);
        }
        Path data = onnx.resolveSibling(onnx.getFileName() + "_data");
        for (String w : new String[] {"model.layers.0.self_attn.q_proj.weight", "model.layers.0.mlp.down_proj.weight",
                "lm_head.weight"}) {
            TwinParameters.Parameter p = TwinParameters.of(a).stream().filter(x -> x.name().equals(w)).findFirst().orElseThrow();
            float[] values = new WeightSource(5).rows(w, 0, p.rows(), p.cols(), p.spread());
            ByteBuffer packed = read(data, tensor(model, w + "_Q4"));
            ByteBuffer scales = read(data, tensor(model, w + "_scales")).order(ByteOrder.LITTLE_ENDIAN);
            int blocks = (p.cols() + blockSize - 1) / blockSize;
            assertEquals((long) p.rows() * blocks * blockSize / 2, packed.remaining());
            for (int r = 0; r < p.rows(); r++) {
                for (int b = 0; b < blocks; b++) {
                    float amax = 0;
                    for (int k = b * blockSize; k < Math.min(p.cols(), (b + 1) * blockSize); k++) {
                        amax = Math.max(amax, Math.abs(values[r * p.cols() + k]));
                    }
                    float scale = scales.getFloat(4 * (r * blocks + b));
                    assertEquals(amax / 7f, scale, "scale of row " + r + " block " + b);
                    for (int j = 0; j < blockSize; j++) {
                        int k = b * blockSize + j;
                        int bits = packed.get((r * blocks + b) * blockSize / 2 + j / 2) & 0xff;
                        int q = j % 2 == 0 ? bits & 15 : bits >> 4;
                        int expected = k < p.cols() ? Math.max(-8, Math.min(7, Math.round(values[r * p.cols() + k] / scale))) + 8 : 8;
                        assertEquals(expected, q, w + " row " + r + " element " + k);
                    }
                }
            }
        }
    }

    private static TensorProto tensor(ModelProto m, String name) {
        return m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private static ByteBuffer read(Path data, TensorProto t) throws Exception {
        long offset = 0;
        int length = 0;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            if (e.getKey().equals("offset")) {
                offset = Long.parseLong(e.getValue());
            } else if (e.getKey().equals("length")) {
                length = Integer.parseInt(e.getValue());
            }
        }
        assertEquals(0, offset % 4096, t.getName() + " is aligned");
        ByteBuffer b = ByteBuffer.allocate(length);
        try (FileChannel ch = FileChannel.open(data)) {
            ch.read(b, offset);
        }
        return b.flip();
    }
}
