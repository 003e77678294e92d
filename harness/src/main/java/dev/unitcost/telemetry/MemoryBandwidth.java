package dev.unitcost.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.ProcessorCache;

/**
 * This machine's peak memory bandwidth for MBU, measured STREAM-style and cached per machine.
 *
 * <p>Method: three kernels over arrays far beyond the last-level cache, each split across one
 * thread per available processor: read ({@code s += r[i]} over {@code long}s, 1 array), copy
 * ({@code c[i] = a[i]}, 2 arrays) and triad ({@code a[i] = b[i] + q·c[i]}, 3 arrays), bytes
 * counted as STREAM counts them (no write-allocate traffic). Each kernel runs one discarded
 * warm-up trial, then {@link #TRIALS} timed ones; its figure is its best trial. The peak is the
 * best kernel's figure; {@link Peak#spreadFraction()} is (best − worst) / best over that kernel's
 * timed trials. Takes a few seconds and up to 4 × {@link #arrayBytes} of heap.
 *
 * <p>The result is cached in {@code memory-bandwidth.json} in a directory the caller gives,
 * keyed by a machine fingerprint (CPU model, logical processors, total memory): a later call on
 * the same machine returns it with {@code fromCache} true; another machine, a damaged file or
 * {@code remeasure} measures again.
 */
public final class MemoryBandwidth {

    /** Timed trials per kernel (after one warm-up trial). */
    public static final int TRIALS = 10;
    static final String CACHE_FILE = "memory-bandwidth.json";
    private static final long MIN_ARRAY_BYTES = 512L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryBandwidth() {}

    /**
     * The peak bandwidth and how it was obtained.
     *
     * @param bytesPerSecond the best kernel's best trial
     * @param kernel that kernel: {@code read}, {@code copy} or {@code triad}
     * @param kernelBytesPerSecond every kernel's best trial, in the order run
     * @param trials timed trials per kernel
     * @param spreadFraction (best − worst) / best over the winning kernel's timed trials
     * @param threads threads that ran each kernel
     * @param measuredAt when it was measured (not when read from the cache)
     * @param fingerprint the machine it was measured on
     * @param fromCache true when read from the cache file
     */
    public record Peak(double bytesPerSecond, String kernel, Map<String, Double> kernelBytesPerSecond, int trials,
            double spreadFraction, int threads, Instant measuredAt, String fingerprint, boolean fromCache) {

        public Peak {
            if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
                throw new IllegalArgumentException("bytesPerSecond must be a finite figure > 0, got " + bytesPerSecond);
            }
            if (!(spreadFraction >= 0 && spreadFraction <= 1)) {
                throw new IllegalArgumentException("spreadFraction must be in [0, 1], got " + spreadFraction);
            }
            if (kernel == null || kernel.isBlank() || trials <= 0 || threads <= 0 || measuredAt == null
                    || fingerprint == null || fingerprint.isBlank()) {
                throw new IllegalArgumentException("a bandwidth peak needs a kernel, trials, threads, a date and a machine");
            }
            kernelBytesPerSecond = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kernelBytesPerSecond));
        }

        /** One line for reports: the figure, the method and, for a cached one, when it was measured. */
        public String source() {
            return String.format(Locale.ROOT, "STREAM-style %s kernel, %d threads, best of %d trials (spread %.1f%%), %s %s",
                    kernel, threads, trials, 100 * spreadFraction, fromCache ? "cached, measured" : "measured", measuredAt);
        }
    }

    /** What one measurement gives, before it is dated and cached. */
    public record Measurement(double bytesPerSecond, String kernel, Map<String, Double> kernelBytesPerSecond, int trials,
            double spreadFraction, int threads) {}

    /** The peak for this machine, from {@code cacheDir} when measured there before. */
    public static Peak peak(Path cacheDir) {
        return peak(cacheDir, false);
    }

    /** The peak measured on this machine before, from {@code cacheDir}; empty when it never was (nothing is measured). */
    public static java.util.Optional<Peak> cached(Path cacheDir) {
        Peak cached = read(cacheDir.resolve(CACHE_FILE));
        return cached != null && cached.fingerprint().equals(fingerprint(HostInfo.detect())) ? java.util.Optional.of(cached)
                : java.util.Optional.empty();
    }

    /** The same; {@code remeasure} ignores (and replaces) a cached figure. */
    public static Peak peak(Path cacheDir, boolean remeasure) {
        HostInfo host = HostInfo.detect();
        long array = arrayBytes(lastLevelCacheBytes(), Runtime.getRuntime().maxMemory());
        return peak(cacheDir, remeasure, fingerprint(host), () -> measure(array, TRIALS, Runtime.getRuntime().availableProcessors()));
    }

    /** The caching logic with the machine and the measurement given (tests inject both). */
    static Peak peak(Path cacheDir, boolean remeasure, String fingerprint, Supplier<Measurement> measure) {
        Path file = cacheDir.resolve(CACHE_FILE);
        if (!remeasure) {
            Peak cached = read(file);
            if (cached != null && cached.fingerprint().equals(fingerprint)) {
                return cached;
            }
        }
        Measurement m = measure.get();
        Peak peak = new Peak(m.bytesPerSecond(), m.kernel(), m.kernelBytesPerSecond(), m.trials(), m.spreadFraction(),
                m.threads(), Instant.now(), fingerprint, false);
        write(file, peak);
        return peak;
    }

    /** CPU model, logical processors and total memory: what decides the figure. */
    static String fingerprint(HostInfo host) {
        return host.cpuModel() + "; " + host.logicalProcessors() + " logical processors; " + host.memoryTotalBytes() + " bytes";
    }

    /** On-disk form: flat, with the date as ISO-8601 text. */
    record CacheFile(String fingerprint, double bytesPerSecond, String kernel, Map<String, Double> kernelBytesPerSecond,
            int trials, double spreadFraction, int threads, String measuredAt) {}

    private static Peak read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            CacheFile c = JSON.readValue(file.toFile(), CacheFile.class);
            return new Peak(c.bytesPerSecond(), c.kernel(), c.kernelBytesPerSecond() == null ? Map.of() : c.kernelBytesPerSecond(),
                    c.trials(), c.spreadFraction(), c.threads(), Instant.parse(c.measuredAt()), c.fingerprint(), true);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or foreign file is measured over, not trusted
        }
    }

    private static void write(Path file, Peak p) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), CACHE_FILE, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new CacheFile(p.fingerprint(), p.bytesPerSecond(),
                    p.kernel(), p.kernelBytesPerSecond(), p.trials(), p.spreadFraction(), p.threads(), p.measuredAt().toString()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bandwidth cache " + file, e);
        }
    }

    /** Bytes per array: 4 × the last-level cache (STREAM's rule), at least 512 MiB (a timed trial then lasts tens of ms), at most a sixth of the heap each. */
    static long arrayBytes(long lastLevelCacheBytes, long maxHeapBytes) {
        long wanted = Math.max(MIN_ARRAY_BYTES, 4 * lastLevelCacheBytes);
        return Math.max(8L << 20, Math.min(wanted, maxHeapBytes / 6));
    }

    /** The largest cache level's total size as OSHI lists it (unified L3 on most hosts); 0 when unknown. */
    static long lastLevelCacheBytes() {
        CentralProcessor cpu = OshiSampler.systemInfo().getHardware().getProcessor();
        int level = 0;
        long bytes = 0;
        for (ProcessorCache c : cpu.getProcessorCaches()) {
            if (c.getLevel() > level) {
                level = c.getLevel();
                bytes = 0;
            }
            if (c.getLevel() == level && c.getType() != ProcessorCache.Type.INSTRUCTION) {
                bytes += Integer.toUnsignedLong(c.getCacheSize());
            }
        }
        return bytes;
    }

    /** Runs the three kernels: {@code arrayBytes} per array, {@code trials} timed trials, {@code threads} threads. */
    static Measurement measure(long arrayBytes, int trials, int threads) {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, arrayBytes / 8);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unitcost-stream");
            t.setDaemon(true);
            return t;
        });
        try {
            run(pool, threads, n, (from, to) -> StreamKernels.fill(a, b, c, from, to)); // touch every page first
            Map<String, Double> best = new LinkedHashMap<>();
            Map<String, Double> spread = new LinkedHashMap<>();
            timeRead(pool, threads, n, trials, best, spread);
            timeKernel(pool, threads, n, trials, "copy", 16.0 * n, (from, to) -> StreamKernels.copy(a, c, from, to), best, spread);
            timeKernel(pool, threads, n, trials, "triad", 24.0 * n, (from, to) -> StreamKernels.triad(a, b, c, from, to), best, spread);
            String kernel = best.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            return new Measurement(best.get(kernel), kernel, best, trials, spread.get(kernel), threads);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The read kernel on its own array of longs, dropped afterwards (see {@link StreamKernels#read}). */
    private static void timeRead(ExecutorService pool, int threads, int n, int trials, Map<String, Double> best,
            Map<String, Double> spread) {
        long[] r = new long[n];
        run(pool, threads, n, (from, to) -> {
            java.util.Arrays.fill(r, from, to, 1L);
            return r[from];
        });
        timeKernel(pool, threads, n, trials, "read", 8.0 * n, (from, to) -> StreamKernels.read(r, from, to), best, spread);
    }

    @FunctionalInterface
    interface Slice {
        double run(int from, int to);
    }

    private static void timeKernel(ExecutorService pool, int threads, int n, int trials, String name, double bytes, Slice k,
            Map<String, Double> best, Map<String, Double> spread) {
        run(pool, threads, n, k); // warm-up: JIT and first touch of the pattern
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int t = 0; t < trials; t++) {
            long start = System.nanoTime();
            run(pool, threads, n, k);
            double rate = bytes / ((System.nanoTime() - start) / 1e9);
            max = Math.max(max, rate);
            min = Math.min(min, rate);
        }
        best.put(name, max);
        spread.put(name, (max - min) / max);
    }

    private static double run(ExecutorService pool, int threads, int n, Slice k) {
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            parts.add(pool.submit(() -> k.run(from, to)));
        }
        double sink = 0;
        try {
            for (Future<Double> f : parts) {
                sink += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bandwidth measurement interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bandwidth kernel failed", e.getCause());
        }
        return sink;
    }
}
