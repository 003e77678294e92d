package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GraphicsCard;

/**
 * What this machine is, as OSHI sees it: for {@code unitcost doctor}, the report's provenance
 * and the power-model fallback.
 *
 * @param cpuModel the processor's marketing name
 * @param physicalCores physical cores
 * @param logicalProcessors hardware threads
 * @param memoryTotalBytes installed memory
 * @param os operating system and kernel
 * @param gpus graphics adapters OSHI lists (may be empty on a VM or container)
 */
public record HostInfo(String cpuModel, int physicalCores, int logicalProcessors, long memoryTotalBytes,
        String os, List<Gpu> gpus) {

    /**
     * One graphics adapter.
     *
     * @param vramBytes video memory; null when OSHI does not know it
     */
    public record Gpu(String name, String vendor, Long vramBytes) {}

    public HostInfo {
        if (logicalProcessors <= 0 || physicalCores < 0 || memoryTotalBytes < 0) {
            throw new IllegalArgumentException("a host needs cores, threads and memory >= 0, got " + physicalCores
                    + " cores, " + logicalProcessors + " threads, " + memoryTotalBytes + " bytes");
        }
        gpus = List.copyOf(gpus);
    }

    /** Reads the host through OSHI (~200 ms). */
    public static HostInfo detect() {
        SystemInfo si = OshiSampler.systemInfo();
        CentralProcessor cpu = si.getHardware().getProcessor();
        List<Gpu> gpus = new ArrayList<>();
        for (GraphicsCard card : si.getHardware().getGraphicsCards()) {
            gpus.add(new Gpu(card.getName(), card.getVendor(), card.getVRam() > 0 ? card.getVRam() : null));
        }
        return new HostInfo(cpu.getProcessorIdentifier().getName().trim(), cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(), si.getHardware().getMemory().getTotal(),
                si.getOperatingSystem().toString(), gpus);
    }

    /**
     * The power model to estimate with when nothing here measures energy or power: CodeCarbon's
     * fallback sized from this host's own hardware threads and memory, labelled as such in its
     * basis (a 16-thread host with 126 GiB: CPU 0–64 W with load, memory 50.7 W).
     */
    public PowerModel fallbackPowerModel() {
        return PowerModel.codeCarbonFallback(logicalProcessors, memoryTotalBytes);
    }
}
