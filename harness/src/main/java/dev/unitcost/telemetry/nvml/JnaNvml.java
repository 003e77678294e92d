package dev.unitcost.telemetry.nvml;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@link NvmlLibrary} through JNA on {@code libnvidia-ml}. JNA types stay in this class.
 *
 * <p>Device handles are looked up once at open. Unsigned NVML integers are widened to long.
 */
final class JnaNvml implements NvmlLibrary {

    private static final int SUCCESS = 0;
    private static final int CLOCK_SM = 1;
    private static final int TEMPERATURE_GPU = 0;
    private static final int NAME_BUFFER_BYTES = 96;

    /** The C functions, mapped by name. Structs are passed as primitive arrays of their fields. */
    public interface NvmlFunctions extends Library {
        int nvmlInit_v2();

        int nvmlShutdown();

        String nvmlErrorString(int result);

        int nvmlDeviceGetCount_v2(int[] count);

        int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

        int nvmlDeviceGetName(Pointer device, byte[] name, int length);

        int nvmlDeviceGetPowerUsage(Pointer device, int[] milliwatts);

        int nvmlDeviceGetTotalEnergyConsumption(Pointer device, long[] millijoules);

        /** nvmlUtilization_t: {unsigned int gpu; unsigned int memory;}. */
        int nvmlDeviceGetUtilizationRates(Pointer device, int[] utilization);

        /** nvmlMemory_t: {unsigned long long total, free, used;}. */
        int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory);

        int nvmlDeviceGetClockInfo(Pointer device, int type, int[] mhz);

        int nvmlDeviceGetTemperature(Pointer device, int sensor, int[] celsius);
    }

    private final NvmlFunctions nvml;
    private final List<Pointer> devices;
    private boolean closed;

    private JnaNvml(NvmlFunctions nvml, List<Pointer> devices) {
        this.nvml = nvml;
        this.devices = List.copyOf(devices);
    }

    /** Loads {@code libnvidia-ml}, initialises NVML and finds the devices. */
    static NvmlLibrary open() throws NvmlUnavailableException {
        return open(load());
    }

    /** The same from a library at {@code path} (a stand-in library in tests). */
    static NvmlLibrary open(String path) throws NvmlUnavailableException {
        try {
            return open(Native.load(path, NvmlFunctions.class));
        } catch (UnsatisfiedLinkError e) {
            throw new NvmlUnavailableException(path + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static NvmlLibrary open(NvmlFunctions nvml) throws NvmlUnavailableException {
        int rc = nvml.nvmlInit_v2();
        if (rc != SUCCESS) {
            throw new NvmlUnavailableException("nvmlInit failed: " + nvml.nvmlErrorString(rc) + " (NVML error " + rc + ")");
        }
        try {
            int[] count = new int[1];
            check(nvml, nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount");
            List<Pointer> devices = new ArrayList<>();
            for (int i = 0; i < count[0]; i++) {
                PointerByReference ref = new PointerByReference();
                check(nvml, nvml.nvmlDeviceGetHandleByIndex_v2(i, ref), "nvmlDeviceGetHandleByIndex(" + i + ")");
                devices.add(ref.getValue());
            }
            return new JnaNvml(nvml, devices);
        } catch (NvmlUnavailableException e) {
            nvml.nvmlShutdown();
            throw e;
        }
    }

    private static NvmlFunctions load() throws NvmlUnavailableException {
        // The driver installs libnvidia-ml.so.1; the unversioned name exists only with dev packages.
        UnsatisfiedLinkError first = null;
        for (String name : List.of("nvidia-ml", "libnvidia-ml.so.1")) {
            try {
                return Native.load(name, NvmlFunctions.class);
            } catch (UnsatisfiedLinkError e) {
                first = first == null ? e : first;
            }
        }
        throw new NvmlUnavailableException("libnvidia-ml not found (no NVIDIA driver installed, or not on the library path)", first);
    }

    private static void check(NvmlFunctions nvml, int rc, String call) throws NvmlUnavailableException {
        if (rc != SUCCESS) {
            throw new NvmlUnavailableException(call + " failed: " + nvml.nvmlErrorString(rc) + " (NVML error " + rc + ")");
        }
    }

    @Override
    public int deviceCount() {
        return devices.size();
    }

    @Override
    public String name(int gpu) {
        byte[] buf = new byte[NAME_BUFFER_BYTES];
        if (nvml.nvmlDeviceGetName(devices.get(gpu), buf, buf.length) != SUCCESS) {
            return "";
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    @Override
    public OptionalLong powerMilliwatts(int gpu) {
        int[] v = new int[1];
        return nvml.nvmlDeviceGetPowerUsage(devices.get(gpu), v) == SUCCESS
                ? OptionalLong.of(Integer.toUnsignedLong(v[0])) : OptionalLong.empty();
    }

    @Override
    public OptionalLong totalEnergyMillijoules(int gpu) {
        long[] v = new long[1];
        return nvml.nvmlDeviceGetTotalEnergyConsumption(devices.get(gpu), v) == SUCCESS
                ? OptionalLong.of(v[0]) : OptionalLong.empty();
    }

    @Override
    public OptionalInt utilizationPercent(int gpu) {
        int[] v = new int[2];
        return nvml.nvmlDeviceGetUtilizationRates(devices.get(gpu), v) == SUCCESS ? OptionalInt.of(v[0]) : OptionalInt.empty();
    }

    @Override
    public OptionalLong memoryUsedBytes(int gpu) {
        long[] v = new long[3];
        return nvml.nvmlDeviceGetMemoryInfo(devices.get(gpu), v) == SUCCESS ? OptionalLong.of(v[2]) : OptionalLong.empty();
    }

    @Override
    public OptionalInt smClockMhz(int gpu) {
        int[] v = new int[1];
        return nvml.nvmlDeviceGetClockInfo(devices.get(gpu), CLOCK_SM, v) == SUCCESS ? OptionalInt.of(v[0]) : OptionalInt.empty();
    }

    @Override
    public OptionalInt temperatureCelsius(int gpu) {
        int[] v = new int[1];
        return nvml.nvmlDeviceGetTemperature(devices.get(gpu), TEMPERATURE_GPU, v) == SUCCESS
                ? OptionalInt.of(v[0]) : OptionalInt.empty();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            nvml.nvmlShutdown();
        }
    }
}
