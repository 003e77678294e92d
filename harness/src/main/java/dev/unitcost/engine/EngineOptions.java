package dev.unitcost.engine;

/**
 * Session settings shared by engines.
 *
 * @param intraOpThreads threads for one operator; 0 lets the engine choose (all cores)
 * @param allowSpinning whether idle intra-op threads spin (faster alone, worse under contention)
 * @param optimizationLevel {@code all}, {@code extended}, {@code basic} or {@code none}
 */
public record EngineOptions(int intraOpThreads, boolean allowSpinning, String optimizationLevel) {

    public EngineOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intraOpThreads must be >= 0 (0 = engine default), got " + intraOpThreads);
        }
        if (!java.util.List.of("all", "extended", "basic", "none").contains(optimizationLevel)) {
            throw new IllegalArgumentException("optimizationLevel must be all, extended, basic or none, got " + optimizationLevel);
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(0, true, "all");
    }
}
