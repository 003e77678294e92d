package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.metrics.Slo;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.workload.EndpointWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An endpoint run's rendered part: the server and load lines, and one row per load point. */
final class EndpointTables {

    private EndpointTables() {}

    /** The price of one point: prices are in the order of the priced points. */
    static Optional<PriceSheet.PointPrice> price(EndpointResult result, PriceSheet cost, EndpointPoint p) {
        if (cost == null) {
            return Optional.empty();
        }
        int i = result.pricedPoints().indexOf(p);
        return i < 0 || i >= cost.points().size() ? Optional.empty() : Optional.of(cost.points().get(i));
    }

    static SweepTables.Part part(RunReport report, EndpointResult result) {
        List<String> context = new ArrayList<>();
        context.add(String.format(Locale.ROOT, "endpoint: %s, model %s, %s API, server %s (%s); usage in stream: %s; forced length on "
                + "the probe: %s", result.endpoint(), result.servedModel(), result.api(), result.server().server(),
                result.local() ? "on this machine: its telemetry is the server's" : "remote: no telemetry of the serving host",
                result.server().usageInStream() ? "yes" : "no", words(result.server().forcedLength().name())));
        if (report.header().config().workload() instanceof EndpointWorkload w) {
            context.add(String.format(Locale.ROOT, "workload: %s, %s load, input %s tokens, output %s tokens%s, shared prefix %s, "
                    + "prompts %s, %d warmup and %d measured requests a repetition, %d+ repetitions%s", w.name(), w.loadModel(),
                    w.inputLength().spec(), w.outputLength().spec(), w.stopAtEos() ? " (stops at end-of-sequence)" : " (forced length asked)",
                    Figures.percent(w.sharedPrefix()), w.prompts(), w.warmupRequests(), w.requests(), w.repetitions(),
                    "rate".equals(w.loadModel()) ? String.format(Locale.ROOT, ", arrivals gamma with burstiness %s (1 = Poisson), seed %d",
                            w.burstiness(), w.seed()) : ""));
        }
        if (report.header().config().workload() instanceof EndpointWorkload w) {
            inputDrift(result, w.inputLength().nominal()).ifPresent(context::add);
        }
        if (!result.slos().isEmpty()) {
            context.add("SLO: " + result.slos().stream().map(Slo::label).collect(Collectors.joining(", ")) + "; highest load meeting it: "
                    + result.highestMeetingSlo().map(p -> p.label() + price(result, report.cost(), p).map(c -> ", USD/1M in "
                            + Figures.usdExact(c.usdPerMillionInput()) + ", out " + Figures.usdExact(c.usdPerMillionOutput())).orElse(""))
                            .orElse("none"));
        }
        if (result.maximum() != null) {
            context.add("maximum output throughput at " + result.maximum() + (result.knee() == null ? ""
                    : "; knee (the next concurrency measured added < 10% output tokens/s) at " + result.knee()));
        }
        if (result.points().stream().flatMap(p -> p.repetitions().stream()).anyMatch(r -> !r.steady())) {
            context.add("a window marked ~ had too few requests to exclude ramp-up and drain: its rates cover the whole span");
        }
        if (result.points().stream().flatMap(p -> p.repetitions().stream()).anyMatch(r -> r.inputTokensEstimated())) {
            context.add("input tokens marked * are the planned prompt lengths (no usage from the server, no --tokenizer): an estimate");
        }
        SweepTables.Part base = null;
        Table t = new Table(List.of("load", "ok", "failed", "req/s", "in tok/s", "out tok/s", "95% CI", "reps", "TTFT p50/p90/p99 ms",
                "TPOT p50/p90/p99 ms", "ITL p50/p90/p99 ms", "E2E p50/p90/p99 ms", "goodput/s", "SLO", "tokens", "forced length",
                "client ns/tok", "USD/1M in", "USD/1M out", ""),
                List.of(false, true, false, true, true, true, true, false, true, true, true, true, true, false, false, false, true, true, true,
                        false));
        for (EndpointPoint p : result.points()) {
            int ok = p.repetitions().stream().mapToInt(dev.unitcost.load.Tally::ok).sum();
            // warmup failures count in the run's total (and its exit code) too: show them, apart
            String failed = failed(p.failed()) + (p.warmupFailed().isEmpty() ? "" : " (warmup: " + failed(p.warmupFailed()) + ")");
            if (!p.ok()) {
                t.row(p.label(), Integer.toString(ok), failed, "-", "-", "-", "-", reps(p), "-", "-", "-", "-", "-", "-", "-", "-", "-",
                        "-", "-", p.status());
                continue;
            }
            boolean steady = p.repetitions().stream().allMatch(dev.unitcost.load.Tally::steady);
            boolean estimated = p.repetitions().stream().anyMatch(dev.unitcost.load.Tally::inputTokensEstimated);
            var price = price(result, report.cost(), p);
            var l = p.latencies();
            t.row(p.label(), Integer.toString(ok), failed,
                    String.format(Locale.ROOT, "%.2f%s", p.requestsPerSecond().median(), steady ? "" : "~"),
                    String.format(Locale.ROOT, "%,.0f%s", p.inputTokensPerSecond().median(), estimated ? "*" : ""),
                    String.format(Locale.ROOT, "%,.1f", p.outputTokensPerSecond().median()),
                    p.outputTokensPerSecond().ci95HalfWidthFraction() == null ? "-"
                            : "±" + Figures.percent(p.outputTokensPerSecond().ci95HalfWidthFraction()),
                    reps(p),
                    l == null ? "-" : percentiles(l.ttft()), l == null ? "-" : percentiles(l.tpot()), l == null ? "-" : percentiles(l.itl()),
                    l == null ? "-" : percentiles(l.e2e()),
                    String.format(Locale.ROOT, "%.2f", p.goodputPerSecond().median()),
                    p.sloMet() == null ? "-" : p.sloMet() ? "met" : "missed", p.tokenReconciliation(), p.forcedLength(),
                    p.clientOverheadNanosPerToken() == null ? "-" : String.format(Locale.ROOT, "%,.0f", p.clientOverheadNanosPerToken()),
                    price.map(c -> Figures.usdExact(c.usdPerMillionInput())).orElse("-"),
                    price.map(c -> c.usdPerMillionOutput() == null ? "-" : Figures.usdExact(c.usdPerMillionOutput())).orElse("-"),
                    p.outputTokensPerSecond().unstable() ? "unstable (CV > 5%)" : "");
        }
        return new SweepTables.Part(", " + result.api() + " API under load", context, t);
    }

    /** Measured repetitions, with why they stopped unless the interval reached its target or the count was fixed: {@code 1 (interrupted)}. */
    private static String reps(EndpointPoint p) {
        return p.repetitions().isEmpty() ? "0" : SweepTables.reps(p.repetitions().size(), p.stoppedBecause());
    }

    /**
     * A line when the prompts the server counted differ from the planned length by more than 10%: the
     * workload line's "input N tokens" is then not what was measured. Nothing when no request was
     * ok or some counts are themselves the planned lengths.
     */
    static Optional<String> inputDrift(EndpointResult result, int planned) {
        List<dev.unitcost.load.Tally> reps = result.points().stream().flatMap(p -> p.repetitions().stream()).toList();
        long ok = reps.stream().mapToLong(dev.unitcost.load.Tally::ok).sum();
        if (ok == 0 || reps.stream().anyMatch(dev.unitcost.load.Tally::inputTokensEstimated)
                || reps.stream().allMatch(r -> r.requestInputTokens() == 0)) { // none, estimates, or stored before they were counted
            return Optional.empty();
        }
        double mean = reps.stream().mapToLong(dev.unitcost.load.Tally::requestInputTokens).sum() / (double) ok;
        return Math.abs(mean - planned) <= 0.10 * planned ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "input measured: a mean of %.1f prompt tokens per request by the server's count, against %d planned (prompts are cut "
                        + "in the served model's tokens only with --tokenizer, else in words; a chat template adds tokens of its own)",
                mean, planned));
    }

    /** {@code 3 timeout, 1 http 503}, or 0. */
    static String failed(Map<String, Integer> byKind) {
        return byKind.isEmpty() ? "0" : byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String percentiles(LatencySummary s) {
        return s == null ? "-" : Figures.millis(s.p50Nanos()) + "/" + Figures.millis(s.p90Nanos()) + "/" + Figures.millis(s.p99Nanos());
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
