package dev.unitcost.report;

import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.metrics.Spread;
import dev.unitcost.result.DecoderFacts;
import dev.unitcost.result.GenerationCostSection;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.RunReport;
import dev.unitcost.workload.GenerationWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures a person reads from a generation report. Reads only the report. */
final class GenerationReportView {

    private final RunReport report;

    GenerationReportView(RunReport report) {
        this.report = report;
    }

    String title() {
        var m = report.model();
        return String.format(Locale.ROOT, "%s (%s model, %s) on %s / %s, greedy decoding", m.name(), m.kind(), m.quantization(),
                report.config().engine(), m.session().executionProvider());
    }

    List<String> context() {
        var p = report.provenance();
        var w = (GenerationWorkload) report.config().workload();
        DecoderFacts d = report.decoder();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine: %s, %d logical cores, %.1f GiB, %s", p.cpuModel(), p.logicalCores(),
                p.memoryBytes() / (double) (1L << 30), p.os()));
        lines.add(String.format(Locale.ROOT, "workload: %s, prompts %s, %s, %d warmup and %d measured batches per point", w.name(),
                w.prompts(), w.stopAtEos() ? "stops at end-of-sequence" : "forced output length (EOS ignored)", w.warmupRepetitions(),
                w.repetitions()));
        lines.add(String.format(Locale.ROOT, "model: %s parameters, weights %.1f MiB %s (%.1f MiB read per decode step), "
                + "KV cache %,d bytes per token per sequence",
                d.parameterCount() == null ? "unknown" : String.format(Locale.ROOT, "%,d", d.parameterCount()),
                d.weightBytes() / (double) (1 << 20), d.weightBytesByDtype(), d.weightBytesReadPerStep() / (double) (1 << 20),
                d.kvBytesPerToken()));
        lines.add(d.peakMemoryBandwidthBytesPerSecond() == null ? "MBU: no memory bandwidth known"
                : String.format(Locale.ROOT, "MBU against %.1f GB/s (%s)", d.peakMemoryBandwidthBytesPerSecond() / 1e9, d.bandwidthSource()));
        lines.add("versions: unitcost " + p.unitcostVersion() + ", engine runtime " + report.model().session().runtimeVersion() + ", "
                + p.jvm() + (p.gitCommit() == null ? "" : ", commit " + p.gitCommit()));
        if ("twin".equals(report.model().kind())) {
            lines.add("NOTE: this run measured a shape twin (the real architecture with random weights): its speed is the real "
                    + "model's at forced output length; its outputs mean nothing.");
        }
        return lines;
    }

    Table sweep() {
        Table t = new Table(List.of("batch", "in", "out", "prefill tok/s", "decode tok/s", "CV", "TTFT p50 ms", "TPOT p50 ms",
                "ITL p99 ms", "E2E p50 ms", "MBU", "overhead", ""),
                List.of(true, true, true, true, true, true, true, true, true, true, true, true, false));
        for (GenerationPoint p : report.generationPoints()) {
            if (!p.ok()) {
                t.row(Integer.toString(p.batchSize()), Integer.toString(p.inputLength()), Integer.toString(p.outputLength()),
                        "-", "-", "-", "-", "-", "-", "-", "-", "-", p.status());
                continue;
            }
            Spread decode = p.decodeTokensPerSecond();
            List<String> unstable = new ArrayList<>();
            if (p.prefillTokensPerSecond().unstable()) {
                unstable.add("prefill CV " + EmbeddingReportView.percent(p.prefillTokensPerSecond().coefficientOfVariation()));
            }
            if (decode != null && decode.unstable()) {
                unstable.add("decode CV " + EmbeddingReportView.percent(decode.coefficientOfVariation()));
            }
            t.row(Integer.toString(p.batchSize()), Integer.toString(p.inputLength()), Integer.toString(p.outputLength()),
                    String.format(Locale.ROOT, "%,.0f", p.prefillTokensPerSecond().median()),
                    decode == null ? "-" : String.format(Locale.ROOT, "%,.1f", decode.median()),
                    decode == null || decode.coefficientOfVariation() == null ? "-" : EmbeddingReportView.percent(decode.coefficientOfVariation()),
                    millis(p.latencies().ttft()), millis(p.latencies().tpot()),
                    p.latencies().itl() == null ? "-" : EmbeddingReportView.millis(p.latencies().itl().p99Nanos()),
                    millis(p.latencies().e2e()),
                    p.decodeMbu() == null ? "-" : EmbeddingReportView.percent(p.decodeMbu()),
                    EmbeddingReportView.percent(p.harnessOverhead().median()),
                    unstable.isEmpty() ? "" : "unstable: " + String.join(", ", unstable) + " > 5%");
        }
        return t;
    }

    /** Stored prices keep 6 significant digits; shown to 4 decimals (Money's rule). */
    private static String usd(java.math.BigDecimal value) {
        return dev.unitcost.cost.Money.perMillion(value).toPlainString();
    }

    private static String millis(LatencySummary s) {
        return s == null ? "-" : EmbeddingReportView.millis(s.p50Nanos());
    }

    List<String> costLines() {
        GenerationCostSection c = report.generationCost();
        if (c == null) {
            return List.of("not priced");
        }
        return List.of(
                String.format(Locale.ROOT, "hardware: USD %s/h at utilisation %s: %s", c.usdPerHour().stripTrailingZeros().toPlainString(),
                        EmbeddingReportView.percent(c.utilisation()), c.hourlyBasis()),
                "hardware source: " + c.hardwareSource());
    }

    Table prices() {
        Table t = new Table(List.of("batch", "in", "out", "USD/1M input", "USD/1M output", "blended (own mix)", "blended 3:1"),
                List.of(true, true, true, true, true, true, true));
        for (GenerationCostSection.PointCost p : report.generationCost().points()) {
            t.row(Integer.toString(p.batchSize()), Integer.toString(p.inputLength()), Integer.toString(p.outputLength()),
                    usd(p.usdPerMillionInput()), p.usdPerMillionOutput() == null ? "-" : usd(p.usdPerMillionOutput()),
                    usd(p.usdPerMillionBlended()), usd(p.usdPerMillionBlended3to1()));
        }
        return t;
    }

    Table apis() {
        Table t = new Table(List.of("provider", "model", "API in/out USD/1M", "API blended", "rate card", "verdict", "break-even tokens/month"),
                List.of(false, false, true, true, false, false, true));
        for (GenerationCostSection.ApiComparison a : report.generationCost().apis()) {
            t.row(a.provider(), a.model(), a.apiUsdPerMillionInput().toPlainString() + " / " + a.apiUsdPerMillionOutput().toPlainString(),
                    usd(a.apiUsdPerMillionBlended()), a.rateCardAsOf().toString(), EmbeddingReportView.verdict(a.ratio()),
                    a.breakEvenTokensPerMonth() == null ? "never" : String.format(Locale.ROOT, "%,.0f", a.breakEvenTokensPerMonth()));
        }
        return t;
    }
}
