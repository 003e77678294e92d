package dev.unitcost.engine.ort;

import dev.unitcost.engine.ModelShape;
import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.OnnxWeights;
import java.nio.file.Path;

/** A decoder's shape as the ONNX Runtime session reports it: weight bytes from the graph, the rest from config.json. */
final class OrtShapes {

    private OrtShapes() {}

    /**
     * A decoder directory.
     *
     * @param kvElementBytes bytes per element of the KV cache tensors the graph takes
     * @param prefillLogits {@code last} or {@code all}
     */
    static ModelShape decoder(DecoderModel model, int kvElementBytes, String prefillLogits) {
        OnnxWeights.Summary w = OnnxWeights.summarise(model.onnxFile());
        Long parameters = parameterCount(model);
        Double logitsShare = parameters == null ? null : (double) model.hiddenSize() * model.vocabSize() / parameters;
        return new ModelShape(parameters, w.bytesByDtype(), w.totalBytes(), w.bytesReadPerStep(), model.kvBytesPerToken(kvElementBytes),
                prefillLogits, logitsShare);
    }

    private static Long parameterCount(DecoderModel model) {
        try {
            return DecoderArchitecture.fromHfConfig(model.dir().resolve("config.json")).paramCount();
        } catch (RuntimeException e) {
            return null; // an architecture the twin generator does not model: the count stays unknown, not guessed
        }
    }
}
