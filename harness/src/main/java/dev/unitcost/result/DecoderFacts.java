package dev.unitcost.result;

import java.util.Map;

/**
 * Facts about a decoder model that turn timings into utilisation.
 *
 * @param parameterCount parameters from the architecture in config.json; null when it cannot be computed
 * @param weightBytesByDtype initializer bytes per ONNX element type, read from the graph
 * @param weightBytes all initializer bytes (read once per decode step)
 * @param kvBytesPerToken KV-cache bytes per token per sequence
 * @param peakMemoryBandwidthBytesPerSecond the bandwidth MBU is measured against; null when unknown
 * @param bandwidthSource where that bandwidth comes from (hardware profile, or measured here and labelled so)
 */
public record DecoderFacts(
        Long parameterCount, Map<String, Long> weightBytesByDtype, long weightBytes, long kvBytesPerToken,
        Double peakMemoryBandwidthBytesPerSecond, String bandwidthSource) {

    public DecoderFacts {
        weightBytesByDtype = Map.copyOf(weightBytesByDtype);
    }
}
