package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.metrics.Spread;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.TaskResult;
import dev.unitcost.workload.EmbeddingWorkload;
import dev.unitcost.workload.GenerationWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What differs by task kind in a rendered report: the title's suffix, the workload and model lines,
 * and the sweep table. Everything else (header, prices, APIs, telemetry) is shared by {@link ReportView}.
 */
final class SweepTables implements TaskResult.Cases<SweepTables.Part> {

    /** The kind-specific part of a report. */
    record Part(String titleSuffix, List<String> context, Table sweep) {}

    private final RunReport report;

    SweepTables(RunReport report) {
        this.report = report;
    }

    @Override
    public Part embedding(EmbeddingResult result) {
        var w = (EmbeddingWorkload) report.header().config().workload();
        String workload = String.format(Locale.ROOT, "workload: %s, %d tokens per sequence (packed, no padding), %d warmup batches, "
                + "%s of >= %.1f s per point", w.name(), w.sequenceLength(), w.warmupIterations(), repetitions(w.repetitions(),
                        w.adaptive(), "repetitions"), w.minRepetitionSeconds());
        Table t = new Table(
                List.of("batch", "tokens/s (median)", "min-max", "CV", "95% CI", "reps", "batch p50 ms", "batch p99 ms", "overhead",
                        "USD/1M tokens", ""),
                List.of(true, true, true, true, true, true, true, true, true, true, false));
        PriceSheet cost = report.cost();
        for (PointResult p : result.points()) {
            if (!p.ok()) {
                t.row(Integer.toString(p.batchSize()), "-", "-", "-", "-", "-", "-", "-", "-", "-", p.status());
                continue;
            }
            Spread tps = p.tokensPerSecond();
            String usd = cost == null ? "-" : cost.points().stream().filter(c -> c.batchSize() == p.batchSize())
                    .findFirst().map(c -> Figures.usdExact(c.usdPerMillionInput())).orElse("-");
            t.row(Integer.toString(p.batchSize()),
                    String.format(Locale.ROOT, "%,.0f", tps.median()),
                    String.format(Locale.ROOT, "%,.0f-%,.0f", tps.min(), tps.max()),
                    tps.coefficientOfVariation() == null ? "-" : Figures.percent(tps.coefficientOfVariation()),
                    interval(tps), reps(p.repetitions().size(), p.stoppedBecause()),
                    Figures.millis(p.batchLatency().p50Nanos()),
                    Figures.millis(p.batchLatency().p99Nanos()),
                    Figures.percent(p.harnessOverhead().median()),
                    usd,
                    tps.unstable() ? "unstable (CV > 5%)" : "");
        }
        return new Part("", List.of(workload), t);
    }

    @Override
    public Part generation(GenerationResult result) {
        var w = (GenerationWorkload) report.header().config().workload();
        DecoderFacts d = result.decoder();
        List<String> context = new ArrayList<>();
        context.add(String.format(Locale.ROOT, "workload: %s, prompts %s, %s, %d warmup batches, then %s per point",
                w.name(), w.prompts(), w.stopAtEos() ? "stops at end-of-sequence" : "forced output length (EOS ignored)",
                w.warmupRepetitions(), repetitions(w.repetitions(), w.adaptive(), "measured batches")));
        context.add(String.format(Locale.ROOT, "model: %s parameters, weights %.1f MiB %s (%.1f MiB read per decode step), "
                + "KV cache %,d bytes per token per sequence",
                d.parameterCount() == null ? "unknown" : String.format(Locale.ROOT, "%,d", d.parameterCount()),
                d.weightBytes() / (double) (1 << 20), new java.util.TreeMap<>(d.weightBytesByDtype()), d.weightBytesReadPerStep() / (double) (1 << 20),
                d.kvBytesPerToken()));
        context.add(d.peakMemoryBandwidthBytesPerSecond() == null ? "MBU: no memory bandwidth known"
                : String.format(Locale.ROOT, "MBU against %.1f GB/s (%s)", d.peakMemoryBandwidthBytesPerSecond() / 1e9, d.bandwidthSource()));
        if ("all".equals(d.prefillLogits())) {
            context.add("prefill computes logits for every prompt position (this graph cannot keep only the last, as serving "
                    + "engines do), so input-token figures are pessimistic" + (d.logitsShareOfPrefill() == null ? ""
                    : String.format(Locale.ROOT, "; estimate from the architecture: those logits are %.0f%% of a long prompt's "
                            + "prefill FLOPs (hidden x vocabulary / parameters)", d.logitsShareOfPrefill() * 100)));
        } else if ("last".equals(d.prefillLogits())) {
            context.add("prefill computes the last position's logits only, as serving engines do");
        }
        Table t = new Table(List.of("batch", "in", "out", "prefill tok/s", "decode tok/s", "CV", "95% CI", "reps", "TTFT p50 ms",
                "TPOT p50 ms", "ITL p99 ms", "E2E p50 ms", "MBU", "overhead", ""),
                List.of(true, true, true, true, true, true, true, true, true, true, true, true, true, true, false));
        for (GenerationPoint p : result.points()) {
            if (!p.ok()) {
                t.row(Integer.toString(p.batchSize()), Integer.toString(p.inputLength()), Integer.toString(p.outputLength()),
                        "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", p.status());
                continue;
            }
            Spread decode = p.decodeTokensPerSecond();
            List<String> unstable = new ArrayList<>();
            if (p.prefillTokensPerSecond().unstable()) {
                unstable.add("prefill CV " + Figures.percent(p.prefillTokensPerSecond().coefficientOfVariation()));
            }
            if (decode != null && decode.unstable()) {
                unstable.add("decode CV " + Figures.percent(decode.coefficientOfVariation()));
            }
            t.row(Integer.toString(p.batchSize()), Integer.toString(p.inputLength()), Integer.toString(p.outputLength()),
                    String.format(Locale.ROOT, "%,.0f", p.prefillTokensPerSecond().median()),
                    decode == null ? "-" : String.format(Locale.ROOT, "%,.1f", decode.median()),
                    decode == null || decode.coefficientOfVariation() == null ? "-" : Figures.percent(decode.coefficientOfVariation()),
                    interval(decode != null ? decode : p.prefillTokensPerSecond()), reps(p.repetitions().size(), p.stoppedBecause()),
                    p50(p.latencies().ttft()), p50(p.latencies().tpot()),
                    p.latencies().itl() == null ? "-" : Figures.millis(p.latencies().itl().p99Nanos()),
                    p50(p.latencies().e2e()),
                    p.decodeMbu() == null ? "-" : Figures.percent(p.decodeMbu()) + (p.decodeMbu() > 1 ? "!" : ""),
                    Figures.percent(p.harnessOverhead().median()),
                    unstable.isEmpty() ? "" : "unstable: " + String.join(", ", unstable) + " > 5%");
        }
        if (result.points().stream().anyMatch(p -> p.decodeMbu() != null && p.decodeMbu() > 1)) {
            context.add("MBU marked ! is above 100%: the bandwidth it is set against is below this machine's true peak "
                    + "(or the step reads less than all weights); give the device's peak in the hardware profile");
        }
        return new Part(", greedy decoding", context, t);
    }

    @Override
    public Part endpoint(dev.unitcost.result.EndpointResult result) {
        return EndpointTables.part(report, result);
    }

    /** How many repetitions a point gets, in words. */
    private static String repetitions(int minimum, dev.unitcost.workload.Adaptive a, String noun) {
        return a.fixed() ? minimum + " " + noun
                : String.format(Locale.ROOT, "%d to %d %s (until the 95%% interval is within ±%s, at most %s s a point)", minimum,
                        a.maxRepetitions(), noun, Figures.percent(a.targetCi()), new java.math.BigDecimal(Double.toString(a.maxPointSeconds()))
                                .stripTrailingZeros().toPlainString());
    }

    /** The 95% interval of the mean, as ± percent of it. */
    private static String interval(Spread s) {
        return s == null || s.ci95HalfWidthFraction() == null ? "-" : "±" + Figures.percent(s.ci95HalfWidthFraction());
    }

    /** The count, with why it stopped when that was not the interval reaching its target. */
    static String reps(int count, String stoppedBecause) {
        return stoppedBecause == null || "interval within target".equals(stoppedBecause) || "fixed count".equals(stoppedBecause)
                ? Integer.toString(count) : count + " (" + stoppedBecause + ")";
    }

    private static String p50(LatencySummary s) {
        return s == null ? "-" : Figures.millis(s.p50Nanos());
    }
}
