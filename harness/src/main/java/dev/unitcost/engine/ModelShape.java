package dev.unitcost.engine;

import java.util.Map;

/**
 * What a loaded model is, in the numbers that turn timings into utilisation: read by the engine
 * from the model it opened (its graph, its config), never guessed.
 *
 * @param parameterCount parameters, when the engine can count them; null otherwise
 * @param weightBytesByDtype weight bytes per element type
 * @param weightBytes all weight bytes
 * @param weightBytesReadPerStep what one decode step reads: all weights but tables only looked up by row
 * @param kvBytesPerToken KV-cache bytes per token per sequence; null for models without a KV cache (encoders)
 * @param prefillLogits {@code last} when prefill computes only the last position's logits, as serving
 *     engines do; {@code all} when it pays for every position's; {@code unknown}; null for encoders
 * @param logitsShareOfPrefill an estimate, from the architecture alone: the share of a long prompt's prefill
 *     FLOPs that the logits of every position cost ({@code hidden x vocabulary / parameters}), which a
 *     last-position prefill saves; null when the architecture is not known
 */
public record ModelShape(Long parameterCount, Map<String, Long> weightBytesByDtype, long weightBytes, long weightBytesReadPerStep,
        Long kvBytesPerToken, String prefillLogits, Double logitsShareOfPrefill) {

    public ModelShape {
        weightBytesByDtype = Map.copyOf(weightBytesByDtype);
        if (weightBytes < 0 || weightBytesReadPerStep < 0 || (kvBytesPerToken != null && kvBytesPerToken < 0)) {
            throw new IllegalArgumentException("byte counts must be >= 0");
        }
    }

    /** An encoder graph's shape from the graph alone: weight bytes, no KV cache, no generation. */
    public static ModelShape encoderGraph(java.nio.file.Path onnx) {
        dev.unitcost.model.OnnxWeights.Summary w = dev.unitcost.model.OnnxWeights.summarise(onnx);
        return new ModelShape(null, w.bytesByDtype(), w.totalBytes(), w.bytesReadPerStep(), null, null, null);
    }
}
