package dev.unitcost.telemetry.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Which ONNX Runtime execution providers actually work here. {@code getAvailableProviders()}
 * lists the ones compiled into the native library, not the ones that can load (the CPU jar lists
 * only CPU; the GPU jar lists CUDA even without CUDA 12 installed), so each GPU provider is tried
 * by adding it to fresh session options and catching the failure.
 */
public final class ExecutionProviders {

    /**
     * One provider.
     *
     * @param name ONNX Runtime's name for it ({@code CPU}, {@code CUDA}, …)
     * @param usable whether it loaded
     * @param detail why not, or how it was checked
     */
    public record Status(String name, boolean usable, String detail) {}

    private ExecutionProviders() {}

    /** Probes every compiled-in provider; CUDA is always listed, with why it is not usable. */
    public static List<Status> probe() {
        EnumSet<OrtProvider> compiled;
        try {
            compiled = OrtEnvironment.getAvailableProviders();
        } catch (RuntimeException | LinkageError e) {
            return List.of(new Status("ONNX Runtime", false, "native library failed to load: " + e.getMessage()));
        }
        List<Status> out = new ArrayList<>();
        for (OrtProvider p : compiled) {
            out.add(switch (p) {
                case CPU -> new Status("CPU", true, "always available");
                case CUDA -> tryAdd("CUDA", opts -> opts.addCUDA(0));
                case TENSOR_RT -> tryAdd("TensorRT", opts -> opts.addTensorrt(0));
                case ROCM -> tryAdd("ROCm", opts -> opts.addROCM(0));
                default -> new Status(p.getName(), false, "compiled in; not probed by unitcost");
            });
        }
        if (!compiled.contains(OrtProvider.CUDA)) {
            out.add(new Status("CUDA", false, "not compiled into this ONNX Runtime (CPU build; use the -Pcuda build)"));
        }
        return out;
    }

    private interface Adder {
        void add(OrtSession.SessionOptions options) throws OrtException;
    }

    private static Status tryAdd(String name, Adder adder) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            adder.add(options);
            return new Status(name, true, "loaded (device 0)");
        } catch (OrtException e) {
            return new Status(name, false, "compiled in but cannot load: " + firstLine(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            return new Status(name, false, "compiled in but cannot load: " + e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
