package dev.unitcost.telemetry;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.Sensors;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Host CPU and memory through OSHI: system and per-core load, this process's CPU time and RSS,
 * memory, CPU frequency and temperature.
 *
 * <p>Series, every sample: {@code systemCpuLoadFraction} and {@code cpuN.loadFraction} (0..1
 * since the previous sample; busy = all ticks but idle and iowait, as OSHI counts them). At most
 * once a second, as they are a counter or slow gauges and reading them is the dearest part:
 * {@code processCpuNanos} (cumulative user+kernel), {@code processRssBytes},
 * {@code memoryAvailableBytes}, {@code memoryUsedBytes}. At most every 5 s: {@code cpuFrequencyHz}
 * (mean current frequency of the cores that report one) and {@code cpuTemperatureCelsius}.
 * Sensors that read 0, negative or NaN (OSHI's "unknown", and all of this VM's sensors) are
 * absent, never 0.
 *
 * <p>Cost, measured on a 2-vCPU VM at 10 Hz: each /proc read costs ~0.25 ms of CPU when the
 * sampler wakes with cold caches, so one sample reads /proc/stat once (system load is summed from
 * the per-core ticks rather than read again), the slower series are spread out, this process is
 * refreshed in place rather than looked up again, on Linux the per-core ticks are read straight
 * from a kept-open {@code /proc/stat} ({@link ProcStatTicks}, a third of OSHI's cost), frequency and temperature come every 5 s, and a
 * temperature sensor that reads unknown once is not asked again. Per-core series names are built
 * once. The per-core ticks stay: {@link CpuCrossCheck} and reports use per-core load.
 *
 * <p>OSHI memoises tick counters for 300 ms by default and reads that setting once, at its first
 * use; this class lowers it to 50 ms before then so 100 ms samples are fresh. Anything else that
 * uses OSHI should go through {@link #systemInfo()} so the setting lands first.
 */
public final class OshiSampler implements TelemetrySampler {

    static {
        // Must be set before OSHI's first use; a value given on the command line wins.
        if (System.getProperty("oshi.util.memoizer.expiration") == null) {
            System.setProperty("oshi.util.memoizer.expiration", "50");
        }
    }

    /** Process and memory series are read at most this often (in a different sample from sensors). */
    static final long SLOW_EVERY_NANOS = 1_000_000_000L;
    /**
     * Frequency and temperature are read at most this often: without cpufreq in sysfs OSHI parses
     * /proc/cpuinfo (~0.8 ms of CPU here), and both are context, not inputs to any figure.
     */
    static final long SENSORS_EVERY_NANOS = 5_000_000_000L;

    /** A new OSHI {@link SystemInfo}, created after the tick-cache setting above (~180 ms). */
    public static SystemInfo systemInfo() {
        return new SystemInfo();
    }

    @Override
    public String name() {
        return "oshi";
    }

    @Override
    public Availability availability() {
        try {
            systemInfo().getOperatingSystem().getProcessId();
            return Availability.yes();
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("OSHI cannot read this platform: " + e.getMessage());
        }
    }

    @Override
    public SamplingSession start(Duration interval) {
        Reader reader = primedReader();
        return new PeriodicSamplingSession(name(), interval, reader, Map.of(), reader);
    }

    /**
     * A reader that has read once on the calling thread: that loads OSHI's classes (tens of ms of
     * CPU, once) outside the sampling thread, whose CPU time is reported as the per-sample
     * overhead. Load figures still start at the second sample: the first one follows the priming
     * read within OSHI's tick cache, so no ticks have passed, and a load over no time is absent.
     */
    static Reader primedReader() {
        SystemInfo si = systemInfo();
        CentralProcessor cpu = si.getHardware().getProcessor();
        Reader reader = new Reader(cpu, si.getHardware().getMemory(), si.getHardware().getSensors(), si.getOperatingSystem(),
                ProcStatTicks.open(ProcStatTicks.PROC_STAT, cpu.getLogicalProcessorCount()).orElse(null));
        reader.read();
        reader.lastSlowNanos = System.nanoTime() - SLOW_EVERY_NANOS; // the first real sample reads them all
        return reader;
    }

    /** The sampling thread's reader; {@link #close()} closes {@code /proc/stat} when it read it directly. */
    static final class Reader implements Supplier<Map<String, Double>>, AutoCloseable {
        private final CentralProcessor cpu;
        private final GlobalMemory memory;
        private final Sensors sensors;
        private final OperatingSystem os;
        private final String[] coreKeys;
        private long[][] coreTicks;
        /** This process, looked up once and refreshed in place: a new lookup costs a third more. */
        private OSProcess self;
        /** False once the CPU temperature read as unknown: a sensor that is not there does not appear. */
        private boolean temperatureKnown = true;
        private long lastSlowNanos = System.nanoTime() - SLOW_EVERY_NANOS;
        // Half a slow period after the process read, so the two dear reads do not land in the same sample.
        private long lastSensorsNanos = System.nanoTime() - SENSORS_EVERY_NANOS + SLOW_EVERY_NANOS / 2;

        /** Linux: per-core ticks read directly (a third of OSHI's cost); null elsewhere or after a failed read. */
        private ProcStatTicks procStat;

        Reader(CentralProcessor cpu, GlobalMemory memory, Sensors sensors, OperatingSystem os, ProcStatTicks procStat) {
            this.procStat = procStat;
            this.cpu = cpu;
            this.memory = memory;
            this.sensors = sensors;
            this.os = os;
            this.coreKeys = new String[cpu.getLogicalProcessorCount()];
            for (int i = 0; i < coreKeys.length; i++) {
                coreKeys[i] = "cpu" + i + ".loadFraction";
            }
        }

        @Override
        public Map<String, Double> get() {
            return read();
        }

        @Override
        public void close() {
            if (procStat != null) {
                procStat.close();
            }
        }

        Map<String, Double> read() {
            Map<String, Double> v = new HashMap<>(2 * coreKeys.length + 16);
            readLoad(v);
            long now = System.nanoTime();
            if (now - lastSlowNanos >= SLOW_EVERY_NANOS) {
                lastSlowNanos = now;
                if (self == null || !self.updateAttributes()) {
                    self = os.getCurrentProcess(); // ~3x cheaper than getProcess(pid)
                }
                if (self != null) {
                    v.put("processCpuNanos", (self.getUserTime() + self.getKernelTime()) * 1e6);
                    v.put("processRssBytes", (double) self.getResidentMemory());
                }
                long available = memory.getAvailable();
                v.put("memoryAvailableBytes", (double) available);
                v.put("memoryUsedBytes", (double) (memory.getTotal() - available));
            }
            if (now - lastSensorsNanos >= SENSORS_EVERY_NANOS) {
                // Without cpufreq in sysfs OSHI parses /proc/cpuinfo: ~0.7 ms.
                lastSensorsNanos = now;
                meanPositive(cpu.getCurrentFreq()).ifPresent(hz -> v.put("cpuFrequencyHz", hz));
                if (temperatureKnown) {
                    double celsius = sensors.getCpuTemperature();
                    temperatureKnown = celsius > 0 && Double.isFinite(celsius);
                    if (temperatureKnown) {
                        v.put("cpuTemperatureCelsius", celsius);
                    }
                }
            }
            return v;
        }

        /** Per-core and system load from one read of the per-core ticks. */
        private void readLoad(Map<String, Double> v) {
            long[][] ticks = procStat == null ? null : procStat.read();
            if (ticks == null && procStat != null) {
                procStat.close(); // from now on OSHI's ticks, which may count in other units: start afresh
                procStat = null;
                coreTicks = null;
            }
            if (ticks == null) {
                ticks = cpu.getProcessorCpuLoadTicks();
            }
            if (coreTicks != null && coreTicks.length == ticks.length) {
                long busyAll = 0;
                long totalAll = 0;
                for (int i = 0; i < ticks.length; i++) {
                    long total = 0;
                    for (int t = 0; t < ticks[i].length; t++) {
                        total += ticks[i][t] - coreTicks[i][t];
                    }
                    long idle = ticks[i][TickType.IDLE.getIndex()] - coreTicks[i][TickType.IDLE.getIndex()]
                            + ticks[i][TickType.IOWAIT.getIndex()] - coreTicks[i][TickType.IOWAIT.getIndex()];
                    if (total > 0 && i < coreKeys.length) {
                        v.put(coreKeys[i], (double) (total - idle) / total);
                    }
                    busyAll += total - idle;
                    totalAll += total;
                }
                if (totalAll > 0) {
                    v.put("systemCpuLoadFraction", (double) busyAll / totalAll);
                }
            }
            coreTicks = ticks;
        }

        /** Mean of the values > 0: OSHI reports an unknown frequency as 0 or -1. */
        private static OptionalDouble meanPositive(long[] values) {
            return Arrays.stream(values).filter(x -> x > 0).average();
        }
    }
}
