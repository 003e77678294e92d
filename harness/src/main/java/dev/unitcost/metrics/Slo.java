package dev.unitcost.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-level objective on one latency metric: its {@code percentile} over a load point's
 * requests must be at most {@code thresholdNanos}. Each request is also judged on its own (for
 * goodput, as vLLM's {@code --goodput} and DistServe define it): a request meets the objective when
 * its own TTFT, TPOT or E2E is within the threshold; for ITL, when the same percentile of its own
 * gaps is (a request with one output token has no TPOT or ITL, and so cannot miss them).
 *
 * @param metric {@code ttft}, {@code tpot}, {@code itl} or {@code e2e}
 * @param percentile in (0, 100]
 * @param thresholdNanos &gt; 0
 */
public record Slo(String metric, double percentile, long thresholdNanos) {

    public static final List<String> METRICS = List.of("ttft", "tpot", "itl", "e2e");
    private static final Pattern ONE = Pattern.compile("(ttft|tpot|itl|e2e)_p(\\d+(?:\\.\\d+)?)=(\\d+(?:\\.\\d+)?)(ms|s|us)");

    public Slo {
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("metric must be one of " + METRICS + ", got " + metric);
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        if (thresholdNanos < 1) {
            throw new IllegalArgumentException("threshold must be > 0, got " + thresholdNanos + " ns");
        }
    }

    /**
     * Objectives from {@code ttft_p99=500ms,tpot_p99=50ms}: metric, percentile, threshold with a unit
     * (us, ms, s); one objective per metric and percentile.
     *
     * @throws IllegalArgumentException naming the part that is wrong and what was expected
     */
    public static List<Slo> parseAll(String text) {
        List<Slo> slos = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            Matcher m = ONE.matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected METRIC_pN=THRESHOLD (metric ttft, tpot, itl or e2e; unit us, ms or s), "
                        + "e.g. ttft_p99=500ms, got '" + part.strip() + "'");
            }
            double value = Double.parseDouble(m.group(3));
            double scale = switch (m.group(4)) {
                case "us" -> 1e3;
                case "ms" -> 1e6;
                default -> 1e9;
            };
            Slo slo;
            try {
                slo = new Slo(m.group(1), Double.parseDouble(m.group(2)), Math.round(value * scale));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + part.strip() + "': " + e.getMessage());
            }
            if (!seen.add(slo.metric() + "@" + slo.percentile())) {
                throw new IllegalArgumentException("'" + part.strip() + "': " + slo.metric() + " at p" + m.group(2) + " is given twice");
            }
            slos.add(slo);
        }
        return List.copyOf(slos);
    }

    /** Whether one request meets this objective (see the class comment). */
    public boolean metBy(RequestTimings r) {
        return switch (metric) {
            case "ttft" -> r.ttftNanos() <= thresholdNanos;
            case "e2e" -> r.e2eNanos() <= thresholdNanos;
            case "tpot" -> r.tpotNanos().isEmpty() || r.tpotNanos().getAsDouble() <= thresholdNanos;
            default -> {
                long[] gaps = r.itlNanos();
                yield gaps.length == 0 || nearestRank(gaps, percentile) <= thresholdNanos;
            }
        };
    }

    /** The value at {@code percentile} by the nearest-rank rule (the smallest value with at least that share at or below it). */
    static long nearestRank(long[] values, double percentile) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** As it was given: {@code ttft_p99=500ms}. */
    public String label() {
        String p = percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
        return metric + "_p" + p + "=" + Figures.millis(thresholdNanos) + "ms";
    }

    /** Millisecond figures without trailing zeros. */
    private static final class Figures {
        static String millis(long nanos) {
            return new java.math.BigDecimal(nanos).movePointLeft(6).stripTrailingZeros().toPlainString();
        }
    }
}
