package dev.unitcost.engine.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.unitcost.InputException;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.model.ModelSpec;
import java.util.List;

/** ONNX Runtime through its own Java binding, on the CPU execution provider. */
public final class OrtEngine implements Engine {

    /** Inputs an encoder graph must take (BERT-style). */
    static final List<String> ENCODER_INPUTS = List.of("input_ids", "attention_mask");

    private String unavailable;

    @Override
    public String name() {
        return "ort";
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public synchronized String unavailableReason() {
        if (unavailable == null) {
            try {
                OrtEnvironment.getEnvironment();
                unavailable = "";
            } catch (RuntimeException | LinkageError e) {
                unavailable = "ONNX Runtime native library did not load: " + e.getMessage();
            }
        }
        return unavailable;
    }

    @Override
    public ModelSession open(ModelSpec model, EngineOptions options) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = sessionOptions(options)) {
            OrtSession session;
            try {
                session = env.createSession(model.onnxFile().toString(), so);
            } catch (OrtException e) {
                throw new InputException(model.onnxFile() + ": ONNX Runtime cannot load this model (" + firstLine(e.getMessage()) + ")", e);
            }
            return OrtEncoderSession.create(env, session, model);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime session options rejected: " + e.getMessage(), e);
        }
    }

    static OrtSession.SessionOptions sessionOptions(EngineOptions options) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        if (options.intraOpThreads() > 0) {
            so.setIntraOpNumThreads(options.intraOpThreads());
        }
        so.addConfigEntry("session.intra_op.allow_spinning", options.allowSpinning() ? "1" : "0");
        so.setOptimizationLevel(switch (options.optimizationLevel()) {
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        });
        return so;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
