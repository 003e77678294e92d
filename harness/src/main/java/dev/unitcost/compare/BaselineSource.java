package dev.unitcost.compare;

import dev.unitcost.result.RunReport;
import java.time.Instant;
import java.util.List;

/**
 * Where prior runs come from when a baseline is named by rule ({@code last}, {@code median:N}) rather
 * than by file: a directory of stored reports today ({@link StoredBaselines}), a run history database
 * later. Implementations read only; they never measure.
 */
public interface BaselineSource {

    /**
     * The latest {@code n} runs with this fingerprint that started strictly before {@code before}, oldest
     * first; fewer when fewer exist.
     */
    List<RunReport> lastN(RunFingerprint fingerprint, Instant before, int n);
}
