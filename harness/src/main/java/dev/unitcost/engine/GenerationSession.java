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
    GenerationResult generate(GenerationRequest request);

    @Override
    void close();
}
