package dev.unitcost.engine;

import dev.unitcost.model.ModelSpec;

/**
 * One inference runtime (ONNX Runtime, DJL). Implementations are listed in {@link Engines} and
 * checked with {@link #isAvailable()} before use; vendor types never leave their subpackage.
 */
public interface Engine {

    /** Short name used on the command line ({@code ort}, {@code djl}). */
    String name();

    /** Whether this engine's native runtime loads in this process. */
    boolean isAvailable();

    /** Why {@link #isAvailable()} is false; empty when it is available. */
    String unavailableReason();

    /**
     * Opens a session on the model. The caller owns the session and must close it.
     *
     * @throws dev.unitcost.InputException when the model file is not a model this engine can run
     */
    ModelSession open(ModelSpec model, EngineOptions options);

    /**
     * Opens a decoder LLM for generation. Engines that cannot run decoders say so with an
     * {@link dev.unitcost.InputException} naming the engine that can.
     */
    default GenerationSession openDecoder(dev.unitcost.model.DecoderModel model, EngineOptions options) {
        throw dev.unitcost.InputException.option("--engine", name() + " runs encoder models only; decoder LLMs run with --engine ort");
    }
}
