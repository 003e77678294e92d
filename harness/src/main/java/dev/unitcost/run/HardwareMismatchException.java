package dev.unitcost.run;

import dev.unitcost.InputException;

/**
 * A hardware profile named for a run describes other devices than the run uses: refused before
 * anything is measured, because its prices would not be this machine's. The CLI says how to price
 * the run as that machine anyway.
 */
public final class HardwareMismatchException extends InputException {

    private final String profile;

    HardwareMismatchException(String setting, String profile, String mismatch) {
        super(setting, mismatch, true);
        this.profile = profile;
    }

    /** The profile as it was named. */
    public String profile() {
        return profile;
    }
}
