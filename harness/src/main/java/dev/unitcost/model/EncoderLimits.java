package dev.unitcost.model;

import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import dev.unitcost.model.onnx.OnnxProto.NodeProto;
import dev.unitcost.model.onnx.OnnxProto.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What an encoder graph can take, read from its embedding tables (shapes only, no weights): the
 * positions it has embeddings for and the token ids its vocabulary covers. Checked before a run, so
 * a workload the model cannot take gets a clear error rather than the runtime's.
 *
 * @param maxPositions rows of the position-embedding table; empty when the graph has none that can be told apart
 * @param vocabSize rows of the table {@code input_ids} index; empty when it cannot be found
 */
public record EncoderLimits(OptionalInt maxPositions, OptionalInt vocabSize) {

    /** Reads the limits of the graph in {@code onnx}. */
    public static EncoderLimits of(Path onnx) {
        ModelProto model;
        try (InputStream in = Files.newInputStream(onnx)) {
            model = ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + onnx, e);
        }
        Map<String, TensorProto> tables = new HashMap<>();
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (t.getDimsCount() == 2) {
                tables.put(t.getName(), t);
            }
        }
        OptionalInt positions = OptionalInt.empty();
        OptionalInt vocab = OptionalInt.empty();
        for (TensorProto t : tables.values()) {
            if (t.getName().contains("position_embeddings")) {
                positions = OptionalInt.of((int) t.getDims(0));
            }
        }
        for (NodeProto n : model.getGraph().getNodeList()) {
            // the vocabulary is the table that input_ids index (directly, as BERT exports do)
            if ("Gather".equals(n.getOpType()) && n.getInputCount() == 2 && "input_ids".equals(n.getInput(1))
                    && tables.containsKey(n.getInput(0))) {
                vocab = OptionalInt.of((int) tables.get(n.getInput(0)).getDims(0));
            }
        }
        if (vocab.isEmpty()) {
            for (TensorProto t : tables.values()) {
                if (t.getName().contains("word_embeddings")) {
                    vocab = OptionalInt.of((int) t.getDims(0));
                }
            }
        }
        return new EncoderLimits(positions, vocab);
    }
}
