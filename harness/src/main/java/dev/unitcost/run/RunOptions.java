package dev.unitcost.run;

import dev.unitcost.InputException;
import dev.unitcost.workload.EmbeddingWorkload;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a user can ask of a run, immutable and checked for range; files and names are
 * resolved by {@link RunPlanner}. Errors name the component ({@link InputException#setting}), which
 * the CLI shows as its flag.
 *
 * @param model a model reference; null with a null {@code workload} runs the default suite
 * @param workload a workload name or file; null for the model kind's default
 * @param quant which graph of a decoder directory to run; null for the first present
 * @param device {@code cpu}, {@code cuda} or {@code cuda:N}
 * @param allowCpuFallback run on CPU when the GPU cannot be used (recorded)
 * @param hardware hardware profile (name or file) the run is priced on; it must describe the devices the run uses.
 *     Null: the profile that does is chosen, and a run no profile describes is stored unpriced
 * @param priceAs a profile (name or file) of another machine to price the run as, labelled so everywhere; null for none
 * @param usdPerHour this machine's own price per hour, instead of a profile; null for none
 * @param ratecards rate card directory; null for profiles/ratecards/
 * @param engine engine name
 * @param batchSizes overrides the workload's batch sizes; null keeps them
 * @param repetitions overrides the workload's (minimum) repetitions; null keeps them
 * @param targetCiPercent overrides the workload's target for the 95% interval, in percent; 0 repeats exactly
 *     {@code repetitions} times; null keeps it
 * @param maxRepetitions overrides the workload's maximum repetitions per point; null keeps it
 * @param sequenceLength overrides an embedding workload's tokens per sequence; null keeps it
 * @param threads intra-op threads, 0 for all cores
 * @param spinning whether idle intra-op threads spin
 * @param optimizationLevel graph optimisation level
 * @param utilisation share of paid hours busy, in (0, 1]
 * @param sampleIntervalMillis telemetry interval
 * @param powercapRoot where Linux powercap lives; null for /sys/class/powercap
 */
public record RunOptions(
        String model, String workload, String quant, String device, boolean allowCpuFallback, String hardware, Path ratecards,
        String priceAs, java.math.BigDecimal usdPerHour, String engine, List<Integer> batchSizes, Integer repetitions, Double targetCiPercent,
        Integer maxRepetitions, Integer sequenceLength, int threads, boolean spinning,
        String optimizationLevel, double utilisation, long sampleIntervalMillis, Path powercapRoot) {

    public RunOptions {
        if (batchSizes != null) {
            try {
                batchSizes = EmbeddingWorkload.checkBatchSizes(batchSizes);
            } catch (IllegalArgumentException e) {
                throw InputException.setting("batchSizes", e.getMessage());
            }
        }
        if (repetitions != null && repetitions < 1) {
            throw InputException.setting("repetitions", "must be >= 1, got " + repetitions);
        }
        if (targetCiPercent != null && !(targetCiPercent >= 0 && targetCiPercent < 100)) {
            throw InputException.setting("targetCiPercent", "must be in [0, 100) percent, got " + targetCiPercent);
        }
        if (maxRepetitions != null && (maxRepetitions < 1 || (repetitions != null && maxRepetitions < repetitions))) {
            throw InputException.setting("maxRepetitions", "must be >= 1 and >= the repetitions asked for, got " + maxRepetitions);
        }
        if (sequenceLength != null && sequenceLength < 1) {
            throw InputException.setting("sequenceLength", "must be >= 1, got " + sequenceLength);
        }
        if (threads < 0) {
            throw InputException.setting("threads", "must be >= 0 (0 = all cores), got " + threads);
        }
        if (!(utilisation > 0 && utilisation <= 1)) {
            throw InputException.setting("utilisation", "must be in (0, 1], got " + utilisation);
        }
        if (sampleIntervalMillis < 1) {
            throw InputException.setting("sampleIntervalMillis", "must be >= 1, got " + sampleIntervalMillis);
        }
        if (device == null || !device.matches("cpu|cuda(:\\d+)?")) {
            throw InputException.setting("device", "expected cpu, cuda or cuda:N, got '" + device + "'");
        }
        if (!List.of("all", "extended", "basic", "none").contains(optimizationLevel)) {
            throw InputException.setting("optimizationLevel", "expected all, extended, basic or none, got '" + optimizationLevel + "'");
        }
        if (engine == null || engine.isBlank()) {
            throw InputException.setting("engine", "required");
        }
        int pricing = (hardware != null ? 1 : 0) + (priceAs != null ? 1 : 0) + (usdPerHour != null ? 1 : 0);
        if (pricing > 1) {
            throw InputException.setting(hardware != null ? "hardware" : "priceAs",
                    "give one of a hardware profile, a profile to price as, or a price per hour");
        }
        if (usdPerHour != null && usdPerHour.signum() <= 0) {
            throw InputException.setting("usdPerHour", "must be > 0, got " + usdPerHour.toPlainString());
        }
    }

    /** {@code workload}'s repetition policy with these options' overrides applied. */
    public dev.unitcost.workload.Adaptive adaptive(dev.unitcost.workload.Adaptive workload, int workloadRepetitions) {
        dev.unitcost.workload.Adaptive a = workload;
        if (targetCiPercent != null) {
            a = a.withTargetCi(targetCiPercent / 100);
        }
        if (maxRepetitions != null) {
            a = a.withMaxRepetitions(maxRepetitions);
        }
        int minimum = repetitions != null ? repetitions : workloadRepetitions;
        if (a.maxRepetitions() < minimum) {
            a = a.withMaxRepetitions(minimum); // asking for more repetitions raises the maximum with them
        }
        return a;
    }

    /** Whether this asks for the default suite (an encoder and a decoder). */
    public boolean defaultSuite() {
        return model == null && workload == null;
    }
}
