package dev.unitcost.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * One phase of a run as a half-open time window {@code [startNanos, endNanos)} on the
 * {@link System#nanoTime()} clock.
 *
 * <p>A phase counts toward totals unless it is a warm-up ({@code warmup}, or any name starting
 * with {@code warmup}, case-insensitive): warm-up energy is reported per phase but never in the
 * totals or per-token figures.
 */
public record PhaseWindow(String phase, long startNanos, long endNanos) {

    public PhaseWindow {
        if (phase == null || phase.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name");
        }
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("phase " + phase + " ends before it starts");
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }

    /** False for warm-up phases, which are excluded from totals. */
    public boolean countsTowardTotal() {
        String p = phase.toLowerCase(java.util.Locale.ROOT);
        return !p.startsWith("warmup") && !p.equals("idle"); // idle: after the last measured batch, before sampling stops
    }

    /**
     * The windows that {@code marks} describe: each mark opens a phase that lasts until the next
     * mark, the last one until {@code endNanos}. Marks must be in time order.
     */
    public static List<PhaseWindow> fromMarks(List<PhaseMark> marks, long endNanos) {
        List<PhaseWindow> windows = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            PhaseMark m = marks.get(i);
            long end = i + 1 < marks.size() ? marks.get(i + 1).timeNanos() : endNanos;
            if (end < m.timeNanos()) {
                throw new IllegalArgumentException("phase marks out of order at " + m.phase());
            }
            windows.add(new PhaseWindow(m.phase(), m.timeNanos(), end));
        }
        return List.copyOf(windows);
    }
}
