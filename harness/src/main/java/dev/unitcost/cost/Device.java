package dev.unitcost.cost;

import java.time.LocalDate;

/**
 * One accelerator or CPU socket as its vendor states it: one YAML file under {@code profiles/devices/},
 * always with its source and the date it was read. Every figure is for one device; an unknown figure is
 * {@code null}, never zero, and a projection that needs it says so.
 *
 * @param name the name hardware profiles point at ({@code h100-sxm})
 * @param kind {@code gpu} or {@code cpu}
 * @param memoryBandwidthBytesPerSecond peak memory bandwidth (datasheet), bytes/s
 * @param fp16FlopsPerSecond dense (no sparsity) FP16/BF16 peak, FLOP/s
 * @param int8OpsPerSecond dense INT8 peak, operations/s, where stated
 * @param fp8FlopsPerSecond dense FP8 peak, FLOP/s, where stated
 * @param memoryBytes device memory, bytes
 * @param boardWatts board power (GPU) or TDP (CPU), watts
 * @param interconnect how devices of a machine talk to each other, where relevant
 */
public record Device(String name, String kind, String description, String source, LocalDate asOf,
        Double memoryBandwidthBytesPerSecond, Double fp16FlopsPerSecond, Double int8OpsPerSecond, Double fp8FlopsPerSecond,
        Double memoryBytes, Double boardWatts, String interconnect) {

    public Device {
        HardwareProfile.Checks.common(name, source, asOf);
        if (!"gpu".equals(kind) && !"cpu".equals(kind)) {
            throw new IllegalArgumentException("kind must be gpu or cpu, got " + kind);
        }
        HardwareProfile.Checks.optionalPositive(memoryBandwidthBytesPerSecond, "memoryBandwidthBytesPerSecond");
        HardwareProfile.Checks.optionalPositive(fp16FlopsPerSecond, "fp16FlopsPerSecond");
        HardwareProfile.Checks.optionalPositive(int8OpsPerSecond, "int8OpsPerSecond");
        HardwareProfile.Checks.optionalPositive(fp8FlopsPerSecond, "fp8FlopsPerSecond");
        HardwareProfile.Checks.optionalPositive(memoryBytes, "memoryBytes");
        HardwareProfile.Checks.optionalPositive(boardWatts, "boardWatts");
    }
}
