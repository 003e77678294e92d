package dev.unitcost.telemetry;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/** Static facts about this machine, read once through OSHI. */
public record HostInfo(String cpuModel, int physicalCores, int logicalCores, long memoryBytes, String os, String hostname) {

    public static HostInfo capture() {
        SystemInfo si = new SystemInfo();
        CentralProcessor cpu = si.getHardware().getProcessor();
        return new HostInfo(
                cpu.getProcessorIdentifier().getName().strip(),
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                si.getHardware().getMemory().getTotal(),
                si.getOperatingSystem().toString(),
                si.getOperatingSystem().getNetworkParams().getHostName());
    }
}
