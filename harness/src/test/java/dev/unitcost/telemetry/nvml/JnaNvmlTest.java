package dev.unitcost.telemetry.nvml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JNA mapping against a stand-in {@code libnvidia-ml} compiled from C here, with NVML's own
 * signatures and struct layouts: checks argument passing, struct fields, unsigned widening,
 * NOT_SUPPORTED as empty, init failure and shutdown, without a GPU. Skipped where no C compiler.
 */
class JnaNvmlTest {

    private static final String FAKE = """
            #include <string.h>
            typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;
            typedef struct { unsigned long long total; unsigned long long free; unsigned long long used; } nvmlMemory_t;
            static int devices[2];
            static int shutdowns = 0;
            static int idx(void *d) { return d == &devices[0] ? 0 : 1; }
            int nvmlInit_v2(void) { return INIT_RC; }
            int nvmlShutdown(void) { shutdowns++; return 0; }
            int fakeShutdowns(void) { return shutdowns; }
            const char *nvmlErrorString(int rc) { return rc == 3 ? "Not Supported" : rc == 9 ? "Driver Not Loaded" : "Unknown Error"; }
            int nvmlDeviceGetCount_v2(unsigned int *n) { *n = 2; return 0; }
            int nvmlDeviceGetHandleByIndex_v2(unsigned int i, void **d) { if (i > 1) return 2; *d = &devices[i]; return 0; }
            int nvmlDeviceGetName(void *d, char *name, unsigned int len) {
                strncpy(name, idx(d) == 0 ? "NVIDIA H100 80GB HBM3" : "Tesla P100-PCIE-16GB", len); return 0; }
            /* GPU 0 reports 3e9 mW: above 2^31, to check unsigned widening (not a real figure). */
            int nvmlDeviceGetPowerUsage(void *d, unsigned int *mw) { *mw = idx(d) == 0 ? 3000000000u : 150000u; return 0; }
            int nvmlDeviceGetTotalEnergyConsumption(void *d, unsigned long long *mj) {
                if (idx(d) == 1) return 3; *mj = 123456789012ULL; return 0; }
            int nvmlDeviceGetUtilizationRates(void *d, nvmlUtilization_t *u) { u->gpu = idx(d) == 0 ? 87 : 5; u->memory = 40; return 0; }
            int nvmlDeviceGetMemoryInfo(void *d, nvmlMemory_t *m) {
                m->total = 85899345920ULL; m->free = 7; m->used = idx(d) == 0 ? 42949672960ULL : 1024ULL; return 0; }
            int nvmlDeviceGetClockInfo(void *d, int type, unsigned int *mhz) { if (type != 1) return 2; *mhz = idx(d) == 0 ? 1980 : 1328; return 0; }
            int nvmlDeviceGetTemperature(void *d, int sensor, unsigned int *c) { if (sensor != 0) return 2; *c = 61; return 0; }
            #ifndef NO_FIELDS
            typedef union { double dVal; unsigned int uiVal; unsigned long long ullVal; long long sllVal; int siVal; } nvmlValue_t;
            typedef struct { unsigned int fieldId; unsigned int scopeId; long long timestamp; long long latencyUsec;
                             int valueType; int nvmlReturn; nvmlValue_t value; } nvmlFieldValue_t;
            /* GPU 0 has the energy field (unsigned long long) and instant power (unsigned int); GPU 1 neither. */
            int nvmlDeviceGetFieldValues(void *d, int n, nvmlFieldValue_t *v) {
                for (int i = 0; i < n; i++) {
                    v[i].timestamp = 1; v[i].latencyUsec = 0;
                    if (idx(d) == 0 && v[i].fieldId == 83 && v[i].scopeId == 0) { v[i].valueType = 3; v[i].value.ullVal = 123456789099ULL; v[i].nvmlReturn = 0; }
                    else if (idx(d) == 0 && v[i].fieldId == 186) { v[i].valueType = 1; v[i].value.uiVal = 3000000001u; v[i].nvmlReturn = 0; }
                    else { v[i].nvmlReturn = 3; }
                }
                return 0; }
            #endif
            """;

    public interface Probe extends Library {
        int fakeShutdowns();
    }

    @TempDir
    Path dir;

    private Path compile(String name, int initRc) throws IOException, InterruptedException {
        return compile(name, initRc, "-DWITH_FIELDS");
    }

    private Path compile(String name, int initRc, String define) throws IOException, InterruptedException {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, FAKE);
        Path so = dir.resolve("lib" + name + ".so");
        Process p;
        try {
            p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-DINIT_RC=" + initRc, define, "-o", so.toString(), c.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no C compiler here: " + e.getMessage());
            throw e;
        }
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, log);
        return so;
    }

    @Test
    void mapsEveryCallThroughJna() throws Exception {
        Path so = compile("fake-nvml", 0);
        Probe probe = Native.load(so.toString(), Probe.class);
        try (NvmlLibrary nvml = JnaNvml.open(so.toString())) {
            assertEquals(2, nvml.deviceCount());
            assertEquals("NVIDIA H100 80GB HBM3", nvml.name(0));
            assertEquals("Tesla P100-PCIE-16GB", nvml.name(1));
            assertEquals(OptionalLong.of(3_000_000_000L), nvml.powerMilliwatts(0));
            assertEquals(OptionalLong.of(150_000L), nvml.powerMilliwatts(1));
            assertEquals(OptionalLong.of(123_456_789_012L), nvml.totalEnergyMillijoules(0));
            assertEquals(OptionalLong.empty(), nvml.totalEnergyMillijoules(1), "NOT_SUPPORTED must be empty, not 0");
            assertEquals(OptionalInt.of(87), nvml.utilizationPercent(0));
            assertEquals(OptionalLong.of(42_949_672_960L), nvml.memoryUsedBytes(0));
            assertEquals(OptionalInt.of(1328), nvml.smClockMhz(1));
            assertEquals(OptionalInt.of(61), nvml.temperatureCelsius(0));
            int[] fields = {NvmlLibrary.FIELD_TOTAL_ENERGY_CONSUMPTION, NvmlLibrary.FIELD_POWER_AVERAGE, NvmlLibrary.FIELD_POWER_INSTANT};
            double[] values = new double[3];
            assertEquals(0b101, nvml.fieldValues(0, fields, values), "energy and instant read, the average not");
            assertEquals(123_456_789_099.0, values[0]);
            assertEquals(3_000_000_001.0, values[2], "unsigned int widened");
            assertEquals(0, nvml.fieldValues(1, fields, values), "a GPU without the fields reads none");
            nvml.close(); // idempotent: the second close (try-with-resources) must not shut down again
        }
        assertEquals(1, probe.fakeShutdowns());
    }

    @Test
    void aDriverWithoutFieldValuesStillSamplesThroughItsOwnCalls() throws Exception {
        Path so = compile("fake-nvml-nofields", 0, "-DNO_FIELDS");
        try (NvmlLibrary nvml = JnaNvml.open(so.toString())) {
            assertEquals(0, nvml.fieldValues(0, new int[] {NvmlLibrary.FIELD_POWER_INSTANT}, new double[1]));
            assertEquals(OptionalLong.of(123_456_789_012L), nvml.totalEnergyMillijoules(0));
            assertEquals(OptionalLong.of(150_000L), nvml.powerMilliwatts(1));
        }
    }

    @Test
    void initFailureSaysWhatNvmlSaid() throws Exception {
        Path so = compile("fake-nvml-nodriver", 9);
        NvmlUnavailableException e = assertThrows(NvmlUnavailableException.class, () -> JnaNvml.open(so.toString()));
        assertEquals("nvmlInit failed: Driver Not Loaded (NVML error 9)", e.getMessage());
    }

    @Test
    void aLibraryThatIsNotThereSaysSo() {
        NvmlUnavailableException e = assertThrows(NvmlUnavailableException.class,
                () -> JnaNvml.open(dir.resolve("libnope.so").toString()));
        assertTrue(e.getMessage().contains("libnope.so cannot be loaded"), e.getMessage());
    }
}
