package dev.unitcost.run;

import dev.unitcost.result.Provenance;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a run reads from the world besides the engine: wall clock, monotonic nanoseconds, run-id
 * suffixes and provenance. The system one for real runs; tests pass fixed ones, so a run on a fake
 * engine gives the same report byte for byte.
 *
 * @param clock wall-clock start and end times
 * @param nanoTime the monotonic clock sweeps time batches with ({@link System#nanoTime()} for real runs)
 * @param idSuffix a short string that keeps run ids started in the same second apart
 * @param provenance the machine, versions and commit, given the runtime version, model hash and kind
 * @param stopRequested true once the user asked the run to stop (Ctrl-C): sweeps then finish the batch in
 *     flight, keep what they measured, and run no more
 */
public record RunEnvironment(Clock clock, LongSupplier nanoTime, Supplier<String> idSuffix, ProvenanceSource provenance,
        BooleanSupplier stopRequested) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Reads a report's provenance. */
    @FunctionalInterface
    public interface ProvenanceSource {
        Provenance capture(String onnxRuntimeVersion, String modelSha256, String modelKind);
    }

    /**
     * The real world: system clocks, a random suffix, provenance from this machine and the checkout at {@code projectRoot}.
     *
     * @param stopRequested true once the user asked to stop
     */
    public static RunEnvironment system(Path projectRoot, BooleanSupplier stopRequested) {
        return new RunEnvironment(Clock.systemUTC(), System::nanoTime,
                () -> Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)),
                (runtime, sha, kind) -> ProvenanceCapture.capture(runtime, sha, kind, projectRoot), stopRequested);
    }

    /** Unique, sortable by start time: {@code 20261130T012233Z-ort-MODEL-1a2b}. */
    String runId(Instant started, String engine, String model) {
        return ID_TIME.format(started) + "-" + engine + "-" + model.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + idSuffix.get();
    }
}
