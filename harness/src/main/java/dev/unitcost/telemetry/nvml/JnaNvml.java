package dev.unitcost.telemetry.nvml;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@link NvmlLibrary} through JNA direct mapping ({@link Native#register}) on {@code libnvidia-ml}.
 * JNA types stay in this class.
 *
 * <p>Why direct mapping: an interface proxy costs a reflective dispatch and argument boxing per
 * call; static natives do not. Device handles are looked up once at open and kept as pointer-sized
 * {@code long}s (NVML is 64-bit only); out-parameters are arrays allocated once per instance, so a
 * sample allocates nothing here. Unsigned NVML integers are widened to long.
 *
 * <p>The natives are bound to one library at a time (per class, JVM-wide): opening a different
 * library file while an instance on another one is open is refused. Not thread-safe: the scratch
 * arrays are shared by the calls of one instance, which the interface allows from one thread.
 */
final class JnaNvml implements NvmlLibrary {

    private static final int SUCCESS = 0;
    private static final int CLOCK_SM = 1;
    private static final int TEMPERATURE_GPU = 0;
    private static final int NAME_BUFFER_BYTES = 96;
    /** nvmlFieldValue_t is 40 bytes: five 64-bit words (see {@link #fieldValues}). */
    private static final int FIELD_WORDS = 5;
    private static final int MAX_FIELDS = 64;

    /** The calls every driver since Volta has. Structs are passed as primitive arrays of their fields. */
    static final class Core {
        private Core() {}

        static native int nvmlInit_v2();

        static native int nvmlShutdown();

        static native String nvmlErrorString(int result);

        static native int nvmlDeviceGetCount_v2(int[] count);

        static native int nvmlDeviceGetHandleByIndex_v2(int index, long[] device);

        static native int nvmlDeviceGetName(long device, byte[] name, int length);

        static native int nvmlDeviceGetPowerUsage(long device, int[] milliwatts);

        static native int nvmlDeviceGetTotalEnergyConsumption(long device, long[] millijoules);

        /** nvmlUtilization_t: {unsigned int gpu; unsigned int memory;}. */
        static native int nvmlDeviceGetUtilizationRates(long device, int[] utilization);

        /** nvmlMemory_t: {unsigned long long total, free, used;}. */
        static native int nvmlDeviceGetMemoryInfo(long device, long[] memory);

        static native int nvmlDeviceGetClockInfo(long device, int type, int[] mhz);

        static native int nvmlDeviceGetTemperature(long device, int sensor, int[] celsius);
    }

    /** Bound separately: a driver or stand-in without it still samples through {@link Core}. */
    static final class Fields {
        private Fields() {}

        /** nvmlFieldValue_t[count], each five 64-bit words, as a long array. */
        static native int nvmlDeviceGetFieldValues(long device, int count, long[] values);
    }

    private static NativeLibrary bound;
    private static boolean fieldsBound;
    private static int openInstances;

    private final long[] devices;
    private final boolean fields;
    private final int[] oneInt = new int[1];
    private final int[] utilization = new int[2];
    private final long[] oneLong = new long[1];
    private final long[] memory = new long[3];
    private final long[] fieldBuffer = new long[MAX_FIELDS * FIELD_WORDS];
    private boolean closed;

    private JnaNvml(long[] devices, boolean fields) {
        this.devices = devices;
        this.fields = fields;
    }

    /** Loads {@code libnvidia-ml}, initialises NVML and finds the devices. */
    static NvmlLibrary open() throws NvmlUnavailableException {
        // The driver installs libnvidia-ml.so.1; the unversioned name exists only with dev packages.
        UnsatisfiedLinkError first = null;
        for (String name : List.of("nvidia-ml", "libnvidia-ml.so.1")) {
            NativeLibrary lib;
            try {
                lib = NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                first = first == null ? e : first;
                continue;
            }
            return open(lib);
        }
        throw new NvmlUnavailableException("libnvidia-ml not found (no NVIDIA driver installed, or not on the library path)", first);
    }

    /** The same from a library at {@code path} (a stand-in library in tests). */
    static NvmlLibrary open(String path) throws NvmlUnavailableException {
        NativeLibrary lib;
        try {
            lib = NativeLibrary.getInstance(path);
        } catch (UnsatisfiedLinkError e) {
            throw new NvmlUnavailableException(path + " cannot be loaded: " + e.getMessage(), e);
        }
        return open(lib);
    }

    private static NvmlLibrary open(NativeLibrary lib) throws NvmlUnavailableException {
        synchronized (JnaNvml.class) {
            bind(lib);
            int rc = Core.nvmlInit_v2();
            if (rc != SUCCESS) {
                throw new NvmlUnavailableException("nvmlInit failed: " + Core.nvmlErrorString(rc) + " (NVML error " + rc + ")");
            }
            try {
                int[] count = new int[1];
                check(Core.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount");
                long[] devices = new long[count[0]];
                long[] handle = new long[1];
                for (int i = 0; i < devices.length; i++) {
                    check(Core.nvmlDeviceGetHandleByIndex_v2(i, handle), "nvmlDeviceGetHandleByIndex(" + i + ")");
                    devices[i] = handle[0];
                }
                openInstances++;
                return new JnaNvml(devices, fieldsBound);
            } catch (NvmlUnavailableException e) {
                Core.nvmlShutdown();
                throw e;
            }
        }
    }

    /** Binds the natives to {@code lib} unless they already are; caller holds the class lock. */
    private static void bind(NativeLibrary lib) throws NvmlUnavailableException {
        if (lib == bound) {
            return;
        }
        if (openInstances > 0) {
            throw new NvmlUnavailableException("another NVML library (" + bound.getName() + ") is open in this JVM");
        }
        if (bound != null) {
            Native.unregister(Core.class);
            if (fieldsBound) {
                Native.unregister(Fields.class);
            }
            bound = null;
            fieldsBound = false;
        }
        try {
            Native.register(Core.class, lib);
        } catch (UnsatisfiedLinkError e) {
            throw new NvmlUnavailableException(lib.getName() + " lacks an NVML call we need: " + e.getMessage(), e);
        }
        bound = lib;
        try {
            Native.register(Fields.class, lib);
            fieldsBound = true;
        } catch (UnsatisfiedLinkError e) {
            fieldsBound = false; // an old driver: energy and power through their own calls
        }
    }

    private static void check(int rc, String call) throws NvmlUnavailableException {
        if (rc != SUCCESS) {
            throw new NvmlUnavailableException(call + " failed: " + Core.nvmlErrorString(rc) + " (NVML error " + rc + ")");
        }
    }

    @Override
    public int deviceCount() {
        return devices.length;
    }

    @Override
    public String name(int gpu) {
        byte[] buf = new byte[NAME_BUFFER_BYTES];
        if (Core.nvmlDeviceGetName(devices[gpu], buf, buf.length) != SUCCESS) {
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
        return Core.nvmlDeviceGetPowerUsage(devices[gpu], oneInt) == SUCCESS
                ? OptionalLong.of(Integer.toUnsignedLong(oneInt[0])) : OptionalLong.empty();
    }

    @Override
    public OptionalLong totalEnergyMillijoules(int gpu) {
        return Core.nvmlDeviceGetTotalEnergyConsumption(devices[gpu], oneLong) == SUCCESS
                ? OptionalLong.of(oneLong[0]) : OptionalLong.empty();
    }

    /**
     * Each nvmlFieldValue_t is {@code {u32 fieldId; u32 scopeId; i64 timestamp; i64 latencyUsec;
     * i32 valueType; i32 nvmlReturn; union value (8 bytes)}}: words 0..4 on a little-endian
     * 64-bit host. Value types (nvmlValueType_t): 0 double, 1 unsigned int, 2 unsigned long,
     * 3 unsigned long long, 4 signed long long, 5 signed int, 6 unsigned short.
     */
    @Override
    public long fieldValues(int gpu, int[] fieldIds, double[] values) {
        int n = fieldIds.length;
        if (!fields || n == 0 || n > MAX_FIELDS) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            int w = i * FIELD_WORDS;
            fieldBuffer[w] = Integer.toUnsignedLong(fieldIds[i]); // scopeId 0
            fieldBuffer[w + 3] = -1L; // a field NVML does not touch reads as failed
        }
        if (Fields.nvmlDeviceGetFieldValues(devices[gpu], n, fieldBuffer) != SUCCESS) {
            return 0;
        }
        long ok = 0;
        for (int i = 0; i < n; i++) {
            int w = i * FIELD_WORDS;
            int type = (int) fieldBuffer[w + 3];
            int rc = (int) (fieldBuffer[w + 3] >>> 32);
            long raw = fieldBuffer[w + 4];
            double value;
            switch (type) {
                case 0 -> value = Double.longBitsToDouble(raw);
                case 1 -> value = raw & 0xffff_ffffL;
                case 2, 3 -> value = raw >= 0 ? raw : (raw >>> 1) * 2.0; // unsigned 64-bit, to the nearest double
                case 4 -> value = raw;
                case 5 -> value = (int) raw;
                case 6 -> value = raw & 0xffffL;
                default -> {
                    continue;
                }
            }
            if (rc == SUCCESS) {
                values[i] = value;
                ok |= 1L << i;
            }
        }
        return ok;
    }

    @Override
    public OptionalInt utilizationPercent(int gpu) {
        return Core.nvmlDeviceGetUtilizationRates(devices[gpu], utilization) == SUCCESS
                ? OptionalInt.of(utilization[0]) : OptionalInt.empty();
    }

    @Override
    public OptionalLong memoryUsedBytes(int gpu) {
        return Core.nvmlDeviceGetMemoryInfo(devices[gpu], memory) == SUCCESS ? OptionalLong.of(memory[2]) : OptionalLong.empty();
    }

    @Override
    public OptionalInt smClockMhz(int gpu) {
        return Core.nvmlDeviceGetClockInfo(devices[gpu], CLOCK_SM, oneInt) == SUCCESS ? OptionalInt.of(oneInt[0]) : OptionalInt.empty();
    }

    @Override
    public OptionalInt temperatureCelsius(int gpu) {
        return Core.nvmlDeviceGetTemperature(devices[gpu], TEMPERATURE_GPU, oneInt) == SUCCESS
                ? OptionalInt.of(oneInt[0]) : OptionalInt.empty();
    }

    @Override
    public void close() {
        synchronized (JnaNvml.class) {
            if (!closed) {
                closed = true;
                openInstances--;
                Core.nvmlShutdown();
            }
        }
    }
}
