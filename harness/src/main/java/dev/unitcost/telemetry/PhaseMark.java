package dev.unitcost.telemetry;

/** The run entered {@code phase} at {@code timeNanos} ({@link System#nanoTime()}). */
public record PhaseMark(long timeNanos, String phase) {}
