package dev.unitcost.telemetry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Host CPU and memory through OSHI: system and per-core load, this process's CPU time and RSS,
 * and available memory.
 *
 * <p>Series: {@code processCpuNanos} (cumulative user+kernel), {@code processRssBytes},
 * {@code systemCpuLoadFraction}, {@code cpuN.loadFraction} (0..1 since the previous sample),
 * {@code memoryAvailableBytes}. OSHI memoises tick counters for 300 ms by default; the launcher
 * and tests lower that ({@code oshi.util.memoizer.expiration}) so 100 ms samples are fresh.
 */
public final class OshiSampler implements TelemetrySampler {

    static {
        // Must be set before OSHI's first use; a value given on the command line wins.
        if (System.getProperty("oshi.util.memoizer.expiration") == null) {
            System.setProperty("oshi.util.memoizer.expiration", "50");
        }
    }

    @Override
    public String name() {
        return "oshi";
    }

    @Override
    public Availability availability() {
        try {
            new SystemInfo().getOperatingSystem().getProcessId();
            return Availability.yes();
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("OSHI cannot read this platform: " + e.getMessage());
        }
    }

    @Override
    public SamplingSession start(Duration interval) {
        SystemInfo si = new SystemInfo();
        CentralProcessor cpu = si.getHardware().getProcessor();
        GlobalMemory memory = si.getHardware().getMemory();
        OperatingSystem os = si.getOperatingSystem();
        int pid = os.getProcessId();
        Reader reader = new Reader(cpu, memory, os, pid);
        return new PeriodicSamplingSession(name(), interval, reader::read);
    }

    private static final class Reader {
        private final CentralProcessor cpu;
        private final GlobalMemory memory;
        private final OperatingSystem os;
        private final int pid;
        private long[] systemTicks;
        private long[][] coreTicks;

        Reader(CentralProcessor cpu, GlobalMemory memory, OperatingSystem os, int pid) {
            this.cpu = cpu;
            this.memory = memory;
            this.os = os;
            this.pid = pid;
        }

        Map<String, Double> read() {
            Map<String, Double> v = new LinkedHashMap<>();
            OSProcess self = os.getProcess(pid);
            if (self != null) {
                v.put("processCpuNanos", (self.getUserTime() + self.getKernelTime()) * 1e6);
                v.put("processRssBytes", (double) self.getResidentMemory());
            }
            long[] ticks = cpu.getSystemCpuLoadTicks();
            long[][] cores = cpu.getProcessorCpuLoadTicks();
            if (systemTicks != null) {
                v.put("systemCpuLoadFraction", cpu.getSystemCpuLoadBetweenTicks(systemTicks));
                double[] perCore = cpu.getProcessorCpuLoadBetweenTicks(coreTicks);
                for (int i = 0; i < perCore.length; i++) {
                    v.put("cpu" + i + ".loadFraction", perCore[i]);
                }
            }
            systemTicks = ticks;
            coreTicks = cores;
            v.put("memoryAvailableBytes", (double) memory.getAvailable());
            return v;
        }
    }
}
