package dev.unitcost.result;

import dev.unitcost.engine.ModelInfo;

/**
 * The model as measured.
 *
 * @param name manifest or file name
 * @param kind {@code real} or {@code twin}: a twin has a real model's shapes and random weights
 * @param quantization weight format label
 * @param onnxBytes size of the ONNX file (plus external data) on disk
 * @param source where it came from
 * @param session what the engine loaded and where it ran
 */
public record ModelFacts(String name, String kind, String quantization, long onnxBytes, String source, ModelInfo session) {}
