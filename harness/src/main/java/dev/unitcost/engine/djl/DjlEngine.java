package dev.unitcost.engine.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.unitcost.InputException;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.model.ModelRef;
import java.io.IOException;
import java.util.Locale;

/**
 * DJL's engine path: Criteria, the OnnxRuntime engine (backed by the same ONNX Runtime jar),
 * offline. Spinning cannot be set through DJL's string options and stays at ONNX Runtime's
 * default; the report records the options that were applied.
 */
public final class DjlEngine implements Engine {

    static {
        DjlSettings.offline();
    }

    private String unavailable;

    /**
     * Starts DJL's OnnxRuntime engine so that it, not {@code OrtEngine}, creates the shared
     * ONNX Runtime environment. A failure here is reported later by {@link #unavailableReason()}.
     */
    public static void initialiseBeforeOrt() {
        try {
            ai.djl.engine.Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException | LinkageError e) {
            // recorded when availability is asked for
        }
    }

    @Override
    public String name() {
        return "djl";
    }

    @Override
    public synchronized String unavailableReason() {
        if (unavailable == null) {
            try {
                unavailable = ai.djl.engine.Engine.hasEngine("OnnxRuntime") ? "" : "DJL's OnnxRuntime engine is not on the class path";
            } catch (RuntimeException | LinkageError e) {
                unavailable = "DJL did not start: " + e.getMessage();
            }
        }
        return unavailable;
    }

    @Override
    public ModelSession open(ModelRef ref, EngineOptions options) {
        java.nio.file.Path onnx = ref.localPath().orElseThrow(() -> InputException.setting("model", ref.reference()
                + " is not on this machine; the djl engine opens local ONNX files"));
        Criteria.Builder<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(onnx)
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator())
                .optOption("optLevel", optLevel(options.optimizationLevel()));
        if (options.intraOpThreads() > 0) {
            criteria.optOption("intraOpNumThreads", Integer.toString(options.intraOpThreads()));
        }
        try {
            ZooModel<NDList, NDList> loaded = criteria.build().loadModel();
            return new DjlEncoderSession(loaded, onnx);
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            throw new InputException(onnx + ": DJL cannot load this model (" + e.getMessage() + ")", e);
        }
    }

    private static String optLevel(String level) {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "none" -> "NO_OPT";
            case "basic" -> "BASIC_OPT";
            case "extended" -> "EXTENDED_OPT";
            default -> "ALL_OPT";
        };
    }
}
