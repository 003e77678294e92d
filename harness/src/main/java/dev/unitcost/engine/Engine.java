package dev.unitcost.engine;

import dev.unitcost.model.ModelRef;

/**
 * One inference runtime (ONNX Runtime, DJL). Implementations are listed in {@link Engines} and
 * checked with {@link #isAvailable()} before use; vendor types never leave their subpackage.
 */
public interface Engine {

    /** Short name used on the command line ({@code ort}, {@code djl}). */
    String name();

    /** Whether this engine's native runtime loads in this process. */
    default boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    /** Why {@link #isAvailable()} is false; empty when it is available. */
    String unavailableReason();

    /**
     * Opens a session on an encoder model. The caller owns the session and must close it.
     *
     * @throws dev.unitcost.InputException when the model is not one this engine can run
     */
    ModelSession open(ModelRef model, EngineOptions options);

    /** Whether {@link #openDecoder} can run decoder LLMs; checked before anything is measured. */
    default boolean runsDecoders() {
        return false;
    }

    /**
     * Checks that {@code options} can be honoured here (a GPU that is there, say) without loading a
     * model, so bad options stop a run before anything is measured or written.
     *
     * @throws dev.unitcost.InputException naming the option and what is missing
     */
    default void checkOptions(EngineOptions options) {
        if (!"cpu".equals(options.device())) {
            throw dev.unitcost.InputException.setting("device", name() + " runs on the CPU only");
        }
    }

    /**
     * Opens a decoder LLM for generation. Engines that cannot run decoders say so with an
     * {@link dev.unitcost.InputException} naming the engine that can.
     */
    default GenerationSession openDecoder(ModelRef model, EngineOptions options) {
        throw dev.unitcost.InputException.setting("engine", name() + " runs encoder models only; decoder LLMs run with the ort engine");
    }
}
