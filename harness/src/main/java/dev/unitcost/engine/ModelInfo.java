package dev.unitcost.engine;

import java.util.List;

/**
 * What a session loaded and where it runs, as recorded in the report.
 *
 * @param engine engine name ({@code ort}, {@code djl})
 * @param runtimeVersion version of the native runtime actually loaded
 * @param device {@code cpu} or {@code cuda:N}
 * @param executionProvider the provider that runs the graph ({@code CPUExecutionProvider}, …)
 * @param inputNames graph inputs, in order
 * @param outputNames graph outputs, in order
 * @param shape parameters, weight bytes, bytes read per step, KV bytes per token, as the engine read them;
 *     null when the engine cannot read them
 */
public record ModelInfo(
        String engine,
        String runtimeVersion,
        String device,
        String executionProvider,
        List<String> inputNames,
        List<String> outputNames,
        ModelShape shape) {

    public ModelInfo {
        inputNames = List.copyOf(inputNames);
        outputNames = List.copyOf(outputNames);
    }

    /** A session that cannot read its model's shape (a fake, a remote endpoint). */
    public ModelInfo(String engine, String runtimeVersion, String device, String executionProvider, List<String> inputNames,
            List<String> outputNames) {
        this(engine, runtimeVersion, device, executionProvider, inputNames, outputNames, null);
    }
}
