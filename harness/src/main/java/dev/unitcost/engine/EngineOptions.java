package dev.unitcost.engine;

/**
 * Session settings shared by engines.
 *
 * @param intraOpThreads threads for one operator; 0 lets the engine choose (all cores)
 * @param allowSpinning whether idle intra-op threads spin (faster alone, worse under contention)
 * @param optimizationLevel {@code all}, {@code extended}, {@code basic} or {@code none}
 * @param device {@code cpu}, or {@code cuda} / {@code cuda:N} for an NVIDIA GPU through ONNX Runtime's CUDA provider
 * @param fallbackToCpu when the GPU cannot be used, run on CPU instead of failing (recorded in the report)
 */
public record EngineOptions(int intraOpThreads, boolean allowSpinning, String optimizationLevel, String device, boolean fallbackToCpu) {

    public EngineOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = engine default), got " + intraOpThreads);
        }
        if (!java.util.List.of("all", "extended", "basic", "none").contains(optimizationLevel)) {
            throw new IllegalArgumentException("optimizationLevel must be all, extended, basic or none, got " + optimizationLevel);
        }
        if (device == null || !device.matches("cpu|cuda(:\\d+)?")) {
            throw new IllegalArgumentException("device must be cpu, cuda or cuda:N, got " + device);
        }
    }

    /** The same options with settings common to every engine. */
    public EngineOptions(int intraOpThreads, boolean allowSpinning, String optimizationLevel) {
        this(intraOpThreads, allowSpinning, optimizationLevel, "cpu", false);
    }

    /** The CUDA device index, or -1 for CPU. */
    public int cudaDeviceId() {
        if (!device.startsWith("cuda")) {
            return -1;
        }
        return device.contains(":") ? Integer.parseInt(device.substring(device.indexOf(':') + 1)) : 0;
    }

    public static EngineOptions defaults() {
        return new EngineOptions(0, true, "all");
    }
}
