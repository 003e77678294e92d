package dev.unitcost.cost;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a hardware profile describes the devices a run used, and which profile does. The one rule,
 * used by {@code run}, {@code reprice} and {@code doctor}:
 *
 * <ul>
 *   <li>A GPU run matches a profile whose {@code machine.gpu} words all appear in the measured GPU's name
 *       ({@code H100 PCIe} matches {@code NVIDIA H100 PCIe}, not {@code NVIDIA H100 80GB HBM3}); the
 *       profile naming more of those words wins, then the first by file name.
 *   <li>A CPU run matches a profile without a GPU whose {@code machine.cpuThreads} equals the threads the
 *       run used; a profile whose {@code machine.cpu} family also appears in the measured CPU's name wins.
 *       A family that differs is not a refusal (a 2-vCPU instance is the nearest price for two threads of
 *       another vendor's CPU) but every label says so.
 *   <li>A profile without a {@code machine:} block describes no measured devices: it prices a run only
 *       when asked for by name as another machine ({@code --price-as}).
 * </ul>
 */
public final class ProfileMatch {

    /** A profile that describes the run's devices, and why, in words. */
    public record Match(HardwareProfile profile, String why) {}

    private ProfileMatch() {}

    /** The profile that describes {@code measured} best; empty when none does. {@code profiles} in file-name order. */
    public static Optional<Match> best(MeasuredDevices measured, List<HardwareProfile> profiles) {
        Match best = null;
        int bestScore = 0;
        for (HardwareProfile p : profiles) {
            if (mismatch(p, measured).isPresent()) {
                continue;
            }
            HardwareProfile.Machine m = p.machine();
            int score = measured.gpuRun() ? words(m.gpu()).size() : (familyMatches(m, measured) ? 2 : 1);
            if (score > bestScore) {
                bestScore = score;
                best = new Match(p, why(p, measured));
            }
        }
        return Optional.ofNullable(best);
    }

    /** Why {@code profile} does not describe {@code measured}, in words naming both; empty when it does. */
    public static Optional<String> mismatch(HardwareProfile profile, MeasuredDevices measured) {
        HardwareProfile.Machine m = profile.machine();
        String was = "the run used " + measured.describe();
        if (m == null) {
            return Optional.of(profile.name() + " does not say which devices it prices (no machine: block); " + was);
        }
        if (measured.gpuRun()) {
            if (m.gpu() == null) {
                return Optional.of(profile.name() + " is a machine without GPUs; " + was);
            }
            if (!words(measured.gpu()).containsAll(words(m.gpu()))) {
                return Optional.of(profile.name() + " prices " + m.gpu() + " GPUs; " + was);
            }
            return Optional.empty();
        }
        if (m.gpu() != null) {
            return Optional.of(profile.name() + " prices a machine with " + profile.devices() + "x " + m.gpu() + " GPUs; " + was);
        }
        if (m.cpuThreads() == null || m.cpuThreads() != measured.cpuThreads()) {
            return Optional.of(profile.name() + " prices " + (m.cpuThreads() == null ? "an unstated number of" : m.cpuThreads())
                    + " CPU threads; " + was);
        }
        return Optional.empty();
    }

    private static String why(HardwareProfile p, MeasuredDevices measured) {
        HardwareProfile.Machine m = p.machine();
        if (measured.gpuRun()) {
            return "it prices " + m.gpu() + " GPUs, and the run used " + measured.gpu();
        }
        String threads = "it prices " + m.cpuThreads() + " CPU threads, as many as the run used";
        if (m.cpu() == null) {
            return threads + " (it does not name a CPU family)";
        }
        return familyMatches(m, measured) ? threads + ", of the same family (" + m.cpu() + ")"
                : threads + "; the CPU family differs (profile: " + m.cpu() + ", measured: " + measured.cpuModel() + ")";
    }

    private static boolean familyMatches(HardwareProfile.Machine m, MeasuredDevices measured) {
        return m.cpu() != null && words(measured.cpuModel()).containsAll(words(m.cpu()));
    }

    /** Lower-case words of a name, split on anything but letters and digits. */
    static Set<String> words(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }
}
