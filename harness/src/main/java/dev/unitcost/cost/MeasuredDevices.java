package dev.unitcost.cost;

import java.util.Locale;

/**
 * The devices a run used, as measured: what a hardware profile must describe to price the run.
 *
 * @param cpuModel the CPU's name as the OS reports it
 * @param cpuThreads logical CPUs of the machine measured (a run limited to fewer threads still occupies the machine)
 * @param gpu the name of the GPU the run used; null for a CPU run
 */
public record MeasuredDevices(String cpuModel, int cpuThreads, String gpu) {

    public MeasuredDevices {
        if (cpuModel == null || cpuModel.isBlank()) {
            cpuModel = "unknown CPU";
        }
        if (cpuThreads < 1) {
            throw new IllegalArgumentException("cpuThreads must be >= 1, got " + cpuThreads);
        }
    }

    public boolean gpuRun() {
        return gpu != null;
    }

    /** In words, for labels: {@code 1x NVIDIA H200} or {@code 2 CPU threads of AMD EPYC}. */
    public String describe() {
        return gpuRun() ? "1x " + gpu : String.format(Locale.ROOT, "%d CPU threads of %s", cpuThreads, cpuModel);
    }
}
