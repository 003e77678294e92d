package dev.unitcost.cli;

/** Process exit codes. Only {@link Main} exits. */
public final class ExitCodes {

    /** Finished; for {@code compare}, no regression. */
    public static final int OK = 0;
    /** Ran, but the verdict is a failure (a regression, a threshold crossed). */
    public static final int FAILED = 1;
    /** Bad input: a file, field or option was wrong; nothing was written. */
    public static final int BAD_INPUT = 2;
    /** The environment or a bug stopped the run (native library, I/O). */
    public static final int ERROR = 3;

    private ExitCodes() {}
}
