/*
 * A stand-in libnvidia-ml for measuring the NVML sampler's own CPU cost on a machine without
 * an NVIDIA GPU. It exports only the calls the sampler makes, with NVML's signatures and struct
 * layouts, and answers plausible values that change over time (power swings 80..480 W with a
 * 2 s period; the energy counter is its exact integral). Not a test fixture: see README.md.
 */
#include <math.h>
#include <string.h>
#include <time.h>

typedef struct { unsigned int gpu; unsigned int memory; } nvmlUtilization_t;
typedef struct { unsigned long long total; unsigned long long free; unsigned long long used; } nvmlMemory_t;
typedef union { double dVal; unsigned int uiVal; unsigned long ulVal; unsigned long long ullVal; long long sllVal; int siVal; } nvmlValue_t;
typedef struct {
    unsigned int fieldId; unsigned int scopeId; long long timestamp; long long latencyUsec;
    int valueType; int nvmlReturn; nvmlValue_t value;
} nvmlFieldValue_t;

#define GPUS 1
static int devices[GPUS];

static double seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}
static double watts(double t) { return 280.0 + 200.0 * sin(M_PI * t); }
/* Integral of watts() from 0 to t, in millijoules. */
static unsigned long long millijoules(double t) { return (unsigned long long) (1e3 * (280.0 * t + 200.0 / M_PI * (1 - cos(M_PI * t)))); }

int nvmlInit_v2(void) { return 0; }
int nvmlShutdown(void) { return 0; }
const char *nvmlErrorString(int rc) { return rc == 3 ? "Not Supported" : "Unknown Error"; }
int nvmlDeviceGetCount_v2(unsigned int *n) { *n = GPUS; return 0; }
int nvmlDeviceGetHandleByIndex_v2(unsigned int i, void **d) { if (i >= GPUS) return 2; *d = &devices[i]; return 0; }
int nvmlDeviceGetName(void *d, char *name, unsigned int len) { strncpy(name, "Stand-in GPU", len); return 0; }
int nvmlDeviceGetPowerUsage(void *d, unsigned int *mw) { *mw = (unsigned int) (1e3 * watts(seconds() - 0.5)); return 0; }
int nvmlDeviceGetTotalEnergyConsumption(void *d, unsigned long long *mj) { *mj = millijoules(seconds()); return 0; }
int nvmlDeviceGetUtilizationRates(void *d, nvmlUtilization_t *u) { u->gpu = (unsigned int) (50 + 49 * sin(seconds())); u->memory = 30; return 0; }
int nvmlDeviceGetMemoryInfo(void *d, nvmlMemory_t *m) { m->total = 150ULL << 30; m->used = 40ULL << 30; m->free = m->total - m->used; return 0; }
int nvmlDeviceGetClockInfo(void *d, int type, unsigned int *mhz) { *mhz = 1980; return 0; }
int nvmlDeviceGetTemperature(void *d, int sensor, unsigned int *c) { *c = 40 + (unsigned int) seconds() % 5; return 0; }
int nvmlDeviceGetFieldValues(void *d, int count, nvmlFieldValue_t *values) {
    double t = seconds();
    for (int i = 0; i < count; i++) {
        nvmlFieldValue_t *v = &values[i];
        v->timestamp = (long long) (t * 1e6);
        v->latencyUsec = 0;
        v->nvmlReturn = 0;
        switch (v->fieldId) {
        case 83: v->valueType = 3; v->value.ullVal = millijoules(t); break;
        case 185: v->valueType = 1; v->value.uiVal = (unsigned int) (1e3 * watts(t - 0.5)); break;
        case 186: v->valueType = 1; v->value.uiVal = (unsigned int) (1e3 * watts(t)); break;
        default: v->nvmlReturn = 3;
        }
    }
    return 0;
}
