package dev.unitcost.engine;

/**
 * A decoder LLM loaded for static batched generation with a KV cache. Holds native memory:
 * close it (idempotent). Not thread safe; never prints.
 */
public interface GenerationSession extends AutoCloseable {

    ModelInfo info();

    /** Bytes per element of the KV cache tensors (4 for fp32, 2 for fp16). */
    int kvElementBytes();

    /** Greedy decoding of one static batch. */
    default GenerationResult generate(GenerationRequest request) {
        return generate(request, phase -> { });
    }

    /**
     * Greedy decoding of one static batch, telling {@code phases} when the batch enters
     * {@code prefill} and {@code decode} (so telemetry can split energy between input and output
     * tokens). Called on the generating thread; must be quick.
     */
    GenerationResult generate(GenerationRequest request, java.util.function.Consumer<String> phases);

    @Override
    void close();

    /**
     * Which prompt positions prefill computes logits for: {@code "last"} (only the last one, as serving
     * engines do), {@code "all"} (every position: prefill also pays for a vocabulary projection per prompt
     * token it does not need, so input tokens look dearer than on a serving engine), or {@code "unknown"}.
     */
    default String prefillLogits() {
        return "unknown";
    }
}
