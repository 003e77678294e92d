package dev.unitcost.report;

import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.metrics.Spread;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts that differ by task kind: throughput against batch size with its 95% interval, and
 * latency percentiles per point. Each chart is a caption and its SVG.
 */
final class RunCharts implements TaskResult.Cases<List<RunCharts.Chart>> {

    /** A chart and what it shows. */
    record Chart(String section, String caption, String svg) {}

    private final SvgCharts charts;

    RunCharts(SvgCharts charts) {
        this.charts = charts;
    }

    @Override
    public List<Chart> embedding(EmbeddingResult result) {
        List<SvgCharts.Point> tps = new ArrayList<>();
        Map<String, Double> p50 = new LinkedHashMap<>();
        Map<String, Double> p99 = new LinkedHashMap<>();
        for (PointResult p : result.points()) {
            if (p.ok()) {
                tps.add(banded(p.batchSize(), p.tokensPerSecond()));
                String label = "batch " + p.batchSize();
                p50.put(label, ms(p.batchLatency().p50Nanos()));
                p99.put(label, ms(p.batchLatency().p99Nanos()));
            }
        }
        Map<String, Map<String, Double>> latency = new LinkedHashMap<>();
        latency.put("batch latency p50", p50);
        latency.put("batch latency p99", p99);
        return List.of(
                new Chart("throughput", "Tokens per second against batch size: the median of the repetitions, the band its 95% "
                        + "confidence interval (Student's t, half-width of the mean) around it.",
                        charts.bands("Throughput", "batch size (sequences)", "tokens/s", List.of(new SvgCharts.Series("tokens/s", tps)))),
                new Chart("latency", "Batch latency per point, p50 and p99 over every measured batch.",
                        charts.groupedBars("Batch latency", "milliseconds", latency)));
    }

    @Override
    public List<Chart> generation(GenerationResult result) {
        Map<String, List<SvgCharts.Point>> decode = new LinkedHashMap<>();
        Map<String, List<SvgCharts.Point>> prefill = new LinkedHashMap<>();
        Map<String, Map<String, Double>> whole = new LinkedHashMap<>();
        Map<String, Map<String, Double>> perToken = new LinkedHashMap<>();
        for (GenerationPoint p : result.points()) {
            if (!p.ok()) {
                continue;
            }
            String lengths = String.format(Locale.ROOT, "%d in / %d out", p.inputLength(), p.outputLength());
            if (p.decodeTokensPerSecond() != null) {
                decode.computeIfAbsent(lengths, k -> new ArrayList<>()).add(banded(p.batchSize(), p.decodeTokensPerSecond()));
            }
            prefill.computeIfAbsent(lengths, k -> new ArrayList<>()).add(banded(p.batchSize(), p.prefillTokensPerSecond()));
            String label = String.format(Locale.ROOT, "b%d %d/%d", p.batchSize(), p.inputLength(), p.outputLength());
            put(whole, "TTFT", label, p.latencies().ttft());
            put(whole, "E2E", label, p.latencies().e2e());
            put(perToken, "TPOT", label, p.latencies().tpot());
            put(perToken, "ITL", label, p.latencies().itl());
        }
        String band = " The band is the 95% confidence interval (Student's t, half-width of the mean) around the median; "
                + "one line per prompt/output length.";
        List<Chart> out = new ArrayList<>();
        if (!decode.isEmpty()) {
            out.add(new Chart("throughput", "Decode (output) tokens per second against batch size." + band,
                    charts.bands("Decode throughput", "batch size (sequences)", "output tokens/s", series(decode))));
        }
        out.add(new Chart("throughput", "Prefill (prompt) tokens per second against batch size." + band,
                charts.bands("Prefill throughput", "batch size (sequences)", "prompt tokens/s", series(prefill))));
        out.add(new Chart("latency", "Time to first token and end-to-end latency per point (bN in/out), p50 and p99 over every request.",
                charts.groupedBars("TTFT and E2E", "milliseconds", whole)));
        if (!perToken.isEmpty()) {
            out.add(new Chart("latency", "Time per output token (per request) and inter-token latency (every gap) per point, p50 and p99.",
                    charts.groupedBars("TPOT and ITL", "milliseconds", perToken)));
        }
        return out;
    }

    /** Output tokens/s against the load (concurrency or rate) with its interval, and latency percentiles per point. */
    @Override
    public List<Chart> endpoint(dev.unitcost.result.EndpointResult result) {
        List<SvgCharts.Point> output = new ArrayList<>();
        Map<String, Map<String, Double>> whole = new LinkedHashMap<>();
        Map<String, Map<String, Double>> perToken = new LinkedHashMap<>();
        String axis = "load";
        for (dev.unitcost.result.EndpointPoint p : result.points()) {
            if (!p.ok()) {
                continue;
            }
            axis = "concurrency".equals(p.load()) ? "concurrency (requests in flight)" : "request rate (requests/s)";
            Spread s = p.outputTokensPerSecond();
            double half = s.ci95HalfWidthFraction() == null ? 0 : s.ci95HalfWidthFraction() * s.median();
            output.add(new SvgCharts.Point(p.level(), s.median(), s.median() - half, s.median() + half));
            if (p.latencies() != null) {
                put(whole, "TTFT", p.label(), p.latencies().ttft());
                put(whole, "E2E", p.label(), p.latencies().e2e());
                put(perToken, "TPOT", p.label(), p.latencies().tpot());
                put(perToken, "ITL", p.label(), p.latencies().itl());
            }
        }
        List<Chart> out = new ArrayList<>();
        if (output.isEmpty()) {
            return out;
        }
        out.add(new Chart("throughput", "Output tokens per second in the steady-state window against the load; the band is the 95% "
                + "confidence interval around the median.", charts.bands("Output throughput", axis, "output tokens/s",
                        List.of(new SvgCharts.Series(result.servedModel(), output)))));
        if (!whole.isEmpty()) {
            out.add(new Chart("latency", "Time to first token and end-to-end latency per load point, p50 and p99 over completed requests.",
                    charts.groupedBars("TTFT and E2E", "milliseconds", whole)));
        }
        if (!perToken.isEmpty()) {
            out.add(new Chart("latency", "Time per output token and inter-token latency per load point, p50 and p99.",
                    charts.groupedBars("TPOT and ITL", "milliseconds", perToken)));
        }
        return out;
    }

    /** The median with the stored interval drawn around it; no band when the interval is unknown (fewer than two repetitions). */
    private static SvgCharts.Point banded(int batchSize, Spread s) {
        double half = s.ci95HalfWidthFraction() == null ? 0 : s.ci95HalfWidthFraction() * s.median();
        return new SvgCharts.Point(batchSize, s.median(), s.median() - half, s.median() + half);
    }

    private static void put(Map<String, Map<String, Double>> chart, String metric, String label, LatencySummary s) {
        if (s != null) {
            chart.computeIfAbsent(metric + " p50", k -> new LinkedHashMap<>()).put(label, ms(s.p50Nanos()));
            chart.computeIfAbsent(metric + " p99", k -> new LinkedHashMap<>()).put(label, ms(s.p99Nanos()));
        }
    }

    private static List<SvgCharts.Series> series(Map<String, List<SvgCharts.Point>> byLengths) {
        return byLengths.entrySet().stream().map(e -> new SvgCharts.Series(e.getKey(), e.getValue())).toList();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
