package dev.unitcost.synth;

import dev.unitcost.model.DecoderArchitecture;
import dev.unitcost.model.onnx.OnnxProto.ModelProto;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A twin's graph and where each external tensor goes in the data file, computed before anything
 * is generated: its sizes are exact, so disk space can be checked up front and {@code --list} can
 * say what each quantisation takes.
 */
public final class TwinPlan {

    /** Tensor offsets in the data file are multiples of this (page size), so runtimes can map them. */
    static final int ALIGNMENT = 4096;

    private final DecoderArchitecture architecture;
    private final TwinOptions options;
    private final OnnxGraph graph;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final long dataBytes;

    public TwinPlan(DecoderArchitecture architecture, TwinOptions options) {
        this.architecture = architecture;
        this.options = options;
        this.graph = DecoderGraph.build(architecture, options);
        long end = 0;
        for (WeightJob job : graph.jobs()) {
            for (ExternalTensor t : job.tensors()) {
                long offset = (end + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
                if (offsets.put(t.name(), offset) != null) {
                    throw new IllegalStateException("tensor written twice: " + t.name());
                }
                end = offset + t.byteLength();
            }
        }
        this.dataBytes = end;
    }

    public DecoderArchitecture architecture() {
        return architecture;
    }

    public TwinOptions options() {
        return options;
    }

    /** Size of the external data file in bytes. */
    public long dataBytes() {
        return dataBytes;
    }

    /** The graph file's name inside {@code onnx/}. */
    public String onnxFileName() {
        return options.quantization().fileName();
    }

    /** The external data file's name, next to the graph ({@code model_q4.onnx_data}). */
    public String dataFileName() {
        return onnxFileName() + "_data";
    }

    List<WeightJob> jobs() {
        return graph.jobs();
    }

    Map<String, Long> offsets() {
        return Collections.unmodifiableMap(offsets);
    }

    ModelProto model(Map<String, String> metadata) {
        return graph.toModel(dataFileName(), offsets, metadata);
    }
}
