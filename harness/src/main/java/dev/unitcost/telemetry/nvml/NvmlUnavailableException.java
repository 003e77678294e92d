package dev.unitcost.telemetry.nvml;

/** NVML cannot be used here; the message says why in words a user can act on. */
public final class NvmlUnavailableException extends Exception {

    public NvmlUnavailableException(String message) {
        super(message);
    }

    public NvmlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
