package dev.unitcost.telemetry;

/** Whether a sampler can run here; {@code reason} says why not (empty when available). */
public record Availability(boolean available, String reason) {

    public Availability {
        reason = reason == null ? "" : reason;
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable sampler must say why");
        }
    }

    public static Availability yes() {
        return new Availability(true, "");
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
