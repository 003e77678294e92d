package dev.unitcost.result;

import dev.unitcost.telemetry.CpuCrossCheck;
import dev.unitcost.telemetry.HostInfo;
import dev.unitcost.telemetry.PowerModel;
import dev.unitcost.telemetry.ort.ExecutionProviders;
import java.util.List;
import java.util.Objects;

/**
 * What {@code unitcost doctor} found about this machine, as data: every report format renders it.
 *
 * @param host the machine as OSHI sees it
 * @param samplers each telemetry sampler and whether it can run here
 * @param nvmlGpus GPU names from NVML (empty without NVML)
 * @param raplZones the RAPL zones that would be counted (empty without RAPL)
 * @param energyMethod how energy would be obtained here: {@code measured}, {@code measured or
 *     integrated} (NVML decides per GPU) or {@code estimated}
 * @param energyDetail that in words
 * @param powerModel the fallback estimate's model for this host
 * @param executionProviders ONNX Runtime providers and whether they load
 * @param profiles hardware profiles found and the best match
 * @param crossCheck CPU figures checked against the JVM, when asked for; null otherwise
 * @param memoryBandwidth the peak MBU is measured against on this machine, with its source; null when not measured yet
 */
public record MachineReport(
        HostInfo host, List<SamplerStatus> samplers, List<String> nvmlGpus, List<String> raplZones,
        String energyMethod, String energyDetail, PowerModel powerModel,
        List<ExecutionProviders.Status> executionProviders, Profiles profiles, CrossCheck crossCheck, Bandwidth memoryBandwidth) {

    public MachineReport {
        Objects.requireNonNull(host, "host");
        samplers = List.copyOf(samplers);
        nvmlGpus = List.copyOf(nvmlGpus);
        raplZones = List.copyOf(raplZones);
        Objects.requireNonNull(energyMethod, "energyMethod");
        Objects.requireNonNull(powerModel, "powerModel");
        executionProviders = List.copyOf(executionProviders);
        Objects.requireNonNull(profiles, "profiles");
    }

    public record SamplerStatus(String name, boolean available, String reason) {}

    /**
     * @param bytesPerSecond the best STREAM-style kernel's figure
     * @param source how, when and how spread, in words
     */
    public record Bandwidth(double bytesPerSecond, String source) {}

    /**
     * @param directory where profiles were looked for
     * @param found names of the profiles read
     * @param unreadable one line per file that could not be read
     * @param match the best profile's name; null when none matched
     * @param matchFile its file
     * @param why why it matched, or why nothing did
     */
    public record Profiles(String directory, List<String> found, List<String> unreadable, String match, String matchFile, String why) {

        public Profiles {
            found = List.copyOf(found);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** {@link CpuCrossCheck} with its ratios spelled out. */
    public record CrossCheck(
            double busySeconds, int busyThreads, int samples, double intervalMillis, double jvmProcessCpuSeconds,
            double oshiProcessCpuSeconds, double oshiVsJvmRelativeDifference, double coreBusyCpuSeconds,
            double coreBusyOverProcessCpu, double samplerCpuMillis, double samplerCpuFractionOfOneCore) {

        public static CrossCheck of(CpuCrossCheck c) {
            return new CrossCheck(c.wallNanos() / 1e9, c.busyThreads(), c.samples(), c.intervalNanos() / 1e6,
                    c.jvmProcessCpuNanos() / 1e9, c.oshiProcessCpuNanos() / 1e9, c.oshiVsJvmRelativeDifference(),
                    c.coreBusyCpuNanos() / 1e9, c.coreBusyOverProcessCpu(), c.samplerCpuNanos() / 1e6,
                    c.samplerCpuFraction());
        }
    }
}
