package dev.unitcost.cli;

/** Process exit codes. Only {@link Main} exits. */
public final class ExitCodes {

    /** Finished; for {@code compare}, no regression. */
    public static final int OK = 0;
    /** {@code compare} found a figure that regressed. */
    public static final int REGRESSION = 1;
    /** Bad input: a file, field or option was wrong; nothing was written. */
    public static final int BAD_INPUT = 2;
    /**
     * {@code compare --confirm}: a figure is worse than the baseline beyond the threshold, but the
     * confirm step could neither confirm nor reject it (too little history, or not significant).
     */
    public static final int INCONCLUSIVE = 3;
    /** The environment or a bug stopped the run (native library, I/O). Was 3 until 3 meant inconclusive. */
    public static final int ERROR = 4;
    /**
     * {@code run --endpoint}: the run finished and its report is stored, but some requests failed
     * (status, timeout, refused or lost connection, malformed stream); the report counts them by kind.
     */
    public static final int REQUEST_ERRORS = 5;

    private ExitCodes() {}
}
