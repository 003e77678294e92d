package dev.unitcost.result;

import java.util.Map;

/**
 * Facts about a decoder model that turn timings into utilisation.
 *
 * @param parameterCount parameters from the architecture in config.json; null when it cannot be computed
 * @param weightBytesByDtype initializer bytes per ONNX element type, read from the graph
 * @param weightBytes all initializer bytes
 * @param weightBytesReadPerStep what one decode step reads: all but tables only looked up by row (embeddings)
 * @param kvBytesPerToken KV-cache bytes per token per sequence
 * @param peakMemoryBandwidthBytesPerSecond the bandwidth MBU is measured against; null when unknown
 * @param bandwidthSource where that bandwidth comes from (hardware profile, or measured here and labelled so)
 * @param prefillLogits {@code last} when prefill computes only the last position's logits (as serving engines do),
 *     {@code all} when it pays for every prompt position's, {@code unknown} when the engine cannot tell
 * @param logitsShareOfPrefill estimated share of a long prompt's prefill FLOPs spent on every position's logits
 *     (hidden x vocabulary / parameters); null when the architecture is not known
 */
public record DecoderFacts(
        Long parameterCount, Map<String, Long> weightBytesByDtype, long weightBytes, long weightBytesReadPerStep, long kvBytesPerToken,
        Double peakMemoryBandwidthBytesPerSecond, String bandwidthSource, String prefillLogits,
        Double logitsShareOfPrefill) {

    public DecoderFacts {
        weightBytesByDtype = Map.copyOf(weightBytesByDtype);
    }
}
