package dev.unitcost.engine.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.unitcost.InputException;
import dev.unitcost.engine.Engine;
import dev.unitcost.engine.EngineOptions;
import dev.unitcost.engine.GenerationSession;
import dev.unitcost.engine.ModelSession;
import dev.unitcost.model.DecoderModel;
import dev.unitcost.model.ModelRef;
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
    public ModelSession open(ModelRef model, EngineOptions options) {
        java.nio.file.Path onnx = localFile(model);
        return openWith(onnx, options, (env, session, where) -> OrtEncoderSession.create(env, session, onnx, where));
    }

    @Override
    public boolean runsDecoders() {
        return true;
    }

    @Override
    public void checkOptions(EngineOptions options) {
        // the same probe a session makes: adding the CUDA provider fails fast when it cannot load
        configure(options).options().close();
    }

    @Override
    public GenerationSession openDecoder(ModelRef ref, EngineOptions options) {
        DecoderModel model = DecoderModel.open(localFile(ref), ref.quantization());
        return openWith(model.onnxFile(), options, (env, session, where) -> OrtDecoderSession.create(env, session, model, where));
    }

    /** ONNX Runtime opens files on this machine only. */
    private java.nio.file.Path localFile(ModelRef model) {
        return model.localPath().orElseThrow(() -> InputException.setting("model", model.reference()
                + " is not on this machine; the " + name() + " engine opens local ONNX files and directories"));
    }

    private interface SessionFactory<T> {
        T create(OrtEnvironment env, OrtSession session, Configured where) throws OrtException;
    }

    private static <T> T openWith(java.nio.file.Path onnx, EngineOptions options, SessionFactory<T> factory) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Configured c = configure(options);
        try (OrtSession.SessionOptions so = c.options()) {
            return factory.create(env, load(env, onnx, so), c);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime session setup failed: " + e.getMessage(), e);
        }
    }

    private static OrtSession load(OrtEnvironment env, java.nio.file.Path onnx, OrtSession.SessionOptions so) {
        try {
            return env.createSession(onnx.toString(), so);
        } catch (OrtException e) {
            throw new InputException(onnx + ": ONNX Runtime cannot load this model (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Session options plus where they will run; {@code provider} names a CPU fallback when one happened. */
    record Configured(OrtSession.SessionOptions options, String device, String provider) {}

    static Configured configure(EngineOptions options) {
        try {
            OrtSession.SessionOptions so = sessionOptions(options);
            int gpu = options.cudaDeviceId();
            if (gpu < 0) {
                return new Configured(so, "cpu", "CPUExecutionProvider");
            }
            try {
                so.addCUDA(gpu);
                return new Configured(so, "cuda:" + gpu, "CUDAExecutionProvider");
            } catch (OrtException e) {
                so.close();
                String why = e.getCode() == OrtException.OrtErrorCode.ORT_EP_FAIL
                        ? "this build carries the CPU-only ONNX Runtime; build with ./mvnw -Pcuda package (onnxruntime_gpu, needs CUDA 12 and cuDNN 9)"
                        : "onnxruntime_gpu could not load the CUDA 12 / cuDNN 9 libraries (" + firstLine(e.getMessage()) + ")";
                if (!options.fallbackToCpu()) {
                    throw InputException.setting("device", options.device() + " asked for, but CUDA cannot be used: " + why);
                }
                return new Configured(sessionOptions(options), "cpu", "CPUExecutionProvider (fallback from " + options.device() + ": " + why + ")");
            }
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
