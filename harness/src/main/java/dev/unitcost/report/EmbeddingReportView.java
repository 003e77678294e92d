package dev.unitcost.report;

import dev.unitcost.metrics.Spread;
import dev.unitcost.result.CostSection;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.telemetry.TelemetrySummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a person reads from an embedding report, as tables and lines; rendered as text by
 * {@link ConsoleRenderer} and as Markdown by {@link MarkdownRenderer}. Reads only the report.
 */
final class EmbeddingReportView {

    private final RunReport report;

    EmbeddingReportView(RunReport report) {
        this.report = report;
    }

    String title() {
        var m = report.model();
        return String.format(Locale.ROOT, "%s (%s model, %s) on %s / %s", m.name(), m.kind(), m.quantization(),
                report.config().engine(), m.session().executionProvider());
    }

    List<String> context() {
        var p = report.provenance();
        var w = (dev.unitcost.workload.EmbeddingWorkload) report.config().workload();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine: %s, %d logical cores, %.1f GiB, %s", p.cpuModel(), p.logicalCores(),
                p.memoryBytes() / (double) (1L << 30), p.os()));
        lines.add(String.format(Locale.ROOT, "workload: %s, %d tokens per sequence (packed, no padding), %d warmup batches, "
                + "%d repetitions of >= %.1f s per point", w.name(), w.sequenceLength(), w.warmupIterations(), w.repetitions(),
                w.minRepetitionSeconds()));
        lines.add("versions: unitcost " + p.unitcostVersion() + ", engine runtime " + report.model().session().runtimeVersion()
                + ", " + p.jvm() + (p.gitCommit() == null ? "" : ", commit " + p.gitCommit()));
        if ("twin".equals(report.model().kind())) {
            lines.add("NOTE: this run measured a shape twin (real architecture, random weights): speed is the real model's, outputs are not.");
        }
        return lines;
    }

    Table sweep() {
        Table t = new Table(
                List.of("batch", "tokens/s (median)", "min-max", "CV", "batch p50 ms", "batch p99 ms", "overhead", "USD/1M tokens", ""),
                List.of(true, true, true, true, true, true, true, true, false));
        CostSection cost = report.cost();
        for (PointResult p : report.points()) {
            if (!p.ok()) {
                t.row(Integer.toString(p.batchSize()), "-", "-", "-", "-", "-", "-", "-", p.status());
                continue;
            }
            Spread tps = p.tokensPerSecond();
            String usd = cost == null ? "-" : cost.points().stream().filter(c -> c.batchSize() == p.batchSize())
                    .findFirst().map(c -> usd(c.usdPerMillionTokens())).orElse("-");
            t.row(Integer.toString(p.batchSize()),
                    String.format(Locale.ROOT, "%,.0f", tps.median()),
                    String.format(Locale.ROOT, "%,.0f-%,.0f", tps.min(), tps.max()),
                    tps.coefficientOfVariation() == null ? "-" : percent(tps.coefficientOfVariation()),
                    millis(p.batchLatency().p50Nanos()),
                    millis(p.batchLatency().p99Nanos()),
                    percent(p.harnessOverhead().median()),
                    usd,
                    tps.unstable() ? "unstable (CV > 5%)" : "");
        }
        return t;
    }

    List<String> costLines() {
        CostSection c = report.cost();
        if (c == null) {
            return List.of("not priced");
        }
        return List.of(
                String.format(Locale.ROOT, "hardware: %s at USD %s/h (as of %s; %s), utilisation %s", c.hardwareProfile(),
                        c.usdPerHour().stripTrailingZeros().toPlainString(), c.hardwareAsOf(), c.hardwareSource(), percent(c.utilisation())),
                String.format(Locale.ROOT, "cheapest point: batch %d at USD %s per 1M tokens", c.bestBatchSize(),
                        c.points().stream().filter(p -> p.batchSize() == c.bestBatchSize()).findFirst().orElseThrow().usdPerMillionTokens()
                                .toPlainString()));
    }

    Table apis() {
        Table t = new Table(List.of("provider", "model", "API USD/1M", "rate card", "verdict"),
                List.of(false, false, true, false, false));
        for (CostSection.ApiComparison a : report.cost().apis()) {
            t.row(a.provider(), a.model(), a.apiUsdPerMillionTokens().toPlainString(), a.rateCardAsOf().toString(), verdict(a.ratio()));
        }
        return t;
    }

    List<String> telemetryLines() {
        List<String> lines = new ArrayList<>();
        for (TelemetrySummary s : report.telemetry()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s every %d ms, %d samples, sampler overhead %s of one core",
                    s.sampler(), s.intervalNanos() / 1_000_000, s.sampleCount(), percent(s.samplerOverheadFraction())));
            var cpu = s.series().get("processCpuNanos");
            long duration = s.timeline().isEmpty() ? 0 : s.timeline().get(s.timeline().size() - 1).offsetNanos();
            if (cpu != null && duration > 0) {
                line.append(String.format(Locale.ROOT, "; process used %.2f cores on average", (cpu.max() - cpu.min()) / duration));
            }
            var rss = s.series().get("processRssBytes");
            if (rss != null) {
                line.append(String.format(Locale.ROOT, "; peak RSS %.0f MiB", rss.max() / (1 << 20)));
            }
            lines.add(line.toString());
        }
        var e = report.energy();
        if (e != null && e.totalJoules().isPresent()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "energy (%s): %.1f J over the measured phases",
                    e.method().toString().toLowerCase(Locale.ROOT), e.totalJoules().getAsDouble()));
            e.meanWatts().ifPresent(w -> line.append(String.format(Locale.ROOT, ", mean %.1f W", w)));
            e.joulesPerToken().ifPresent(j -> line.append(String.format(Locale.ROOT, ", %.4g J per token", j)));
            e.joulesPerInputToken().ifPresent(j -> line.append(String.format(Locale.ROOT, " (%.4g J per input token", j)));
            e.joulesPerOutputToken().ifPresent(j -> line.append(String.format(Locale.ROOT, ", %.4g J per output token)", j)));
            e.devices().stream().findFirst().ifPresent(d -> line.append("; basis: ").append(d.basis()));
            lines.add(line.toString());
        } else if (e != null) {
            lines.add("energy: not known (" + String.join("; ", e.notes()) + ")");
        }
        return lines;
    }

    static String verdict(BigDecimal ratio) {
        if (ratio == null) {
            return "-";
        }
        double r = ratio.doubleValue();
        return r >= 1
                ? String.format(Locale.ROOT, "self-hosting %s cheaper", times(r))
                : String.format(Locale.ROOT, "API %s cheaper", times(1 / r));
    }

    private static String times(double r) {
        return r >= 100 ? String.format(Locale.ROOT, "%,.0fx", r) : String.format(Locale.ROOT, "%.2gx", r);
    }

    static String usd(BigDecimal value) {
        return value.toPlainString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
