package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.metrics.Spread;
import dev.unitcost.result.EmbeddingResult;
import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.GenerationRepetition;
import dev.unitcost.result.GenerationResult;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RepetitionResult;
import dev.unitcost.result.RunReport;
import dev.unitcost.result.TaskResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run report as flat tables for spreadsheets: {@code points} (one row a sweep point, with its
 * prices), {@code repetitions} (the raw counts and nanoseconds) and {@code apis} (the rate cards
 * against the best point). Every header names its unit; an absent figure is an empty cell. The
 * figures are the report's own, not recomputed.
 */
final class CsvTables {

    /** One table: its header and rows, cells as text. */
    record Csv(List<String> header, List<List<String>> rows) {
        Csv {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    private CsvTables() {}

    /** The tables, by name, in the order they are written. */
    static Map<String, Csv> of(RunReport report) {
        Map<String, Csv> tables = new LinkedHashMap<>();
        tables.putAll(report.result().match(new TaskResult.Cases<Map<String, Csv>>() {
            @Override
            public Map<String, Csv> embedding(EmbeddingResult e) {
                return Map.of("points", embeddingPoints(e, report.cost()), "repetitions", embeddingRepetitions(e));
            }

            @Override
            public Map<String, Csv> generation(GenerationResult g) {
                return Map.of("points", generationPoints(g, report.cost()), "repetitions", generationRepetitions(g));
            }

            @Override
            public Map<String, Csv> endpoint(dev.unitcost.result.EndpointResult e) {
                return Map.of("points", EndpointCsv.points(e, report.cost()), "repetitions", EndpointCsv.repetitions(e));
            }
        }));
        // Map.of has no order: points first, then repetitions
        Map<String, Csv> ordered = new LinkedHashMap<>();
        ordered.put("points", tables.get("points"));
        ordered.put("repetitions", tables.get("repetitions"));
        if (report.cost() != null) {
            ordered.put("apis", apis(report.cost()));
        }
        return ordered;
    }

    /** Prices with the profile they are of, and, when that is another machine's, the devices measured. */
    private static final List<String> PRICE_HEADER = List.of("usd_per_million_input", "usd_per_million_output",
            "usd_per_million_blended_own_mix", "usd_per_million_blended_3to1", "hardware_profile", "priced_as_measured_on");

    private static Csv embeddingPoints(EmbeddingResult e, PriceSheet cost) {
        List<String> header = new ArrayList<>(List.of("batch_size", "sequence_tokens", "status", "repetitions", "stopped_because",
                "tokens_per_second_median", "tokens_per_second_min", "tokens_per_second_max", "cv_fraction", "ci95_half_width_fraction",
                "batch_latency_p50_nanos", "batch_latency_p99_nanos", "harness_overhead_fraction"));
        header.addAll(PRICE_HEADER);
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : e.points()) {
            List<String> row = new ArrayList<>(List.of(n(p.batchSize()), n(p.sequenceLength()), p.status(), n(p.repetitions().size()),
                    s(p.stoppedBecause())));
            row.addAll(spread(p.tokensPerSecond()));
            row.addAll(List.of(p.batchLatency() == null ? "" : n(p.batchLatency().p50Nanos()),
                    p.batchLatency() == null ? "" : n(p.batchLatency().p99Nanos()),
                    p.harnessOverhead() == null ? "" : d(p.harnessOverhead().median())));
            row.addAll(prices(cost, p.batchSize(), p.sequenceLength(), null));
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    private static Csv generationPoints(GenerationResult g, PriceSheet cost) {
        List<String> header = new ArrayList<>(List.of("batch_size", "input_tokens", "output_tokens", "status", "repetitions",
                "stopped_because", "prefill_tokens_per_second_median", "decode_tokens_per_second_median", "decode_tokens_per_second_min",
                "decode_tokens_per_second_max", "decode_cv_fraction", "decode_ci95_half_width_fraction"));
        for (String latency : List.of("ttft", "tpot", "itl", "e2e")) {
            header.add(latency + "_p50_nanos");
            header.add(latency + "_p99_nanos");
        }
        header.addAll(List.of("decode_mbu_fraction", "harness_overhead_fraction"));
        header.addAll(PRICE_HEADER);
        List<List<String>> rows = new ArrayList<>();
        for (GenerationPoint p : g.points()) {
            List<String> row = new ArrayList<>(List.of(n(p.batchSize()), n(p.inputLength()), n(p.outputLength()), p.status(),
                    n(p.repetitions().size()), s(p.stoppedBecause()),
                    p.prefillTokensPerSecond() == null ? "" : d(p.prefillTokensPerSecond().median())));
            row.addAll(spread(p.decodeTokensPerSecond()));
            var l = p.latencies();
            for (LatencySummary s : l == null ? java.util.Arrays.asList((LatencySummary) null, null, null, null)
                    : java.util.Arrays.asList(l.ttft(), l.tpot(), l.itl(), l.e2e())) {
                row.add(s == null ? "" : n(s.p50Nanos()));
                row.add(s == null ? "" : n(s.p99Nanos()));
            }
            row.add(p.decodeMbu() == null ? "" : d(p.decodeMbu()));
            row.add(p.harnessOverhead() == null ? "" : d(p.harnessOverhead().median()));
            row.addAll(prices(cost, p.batchSize(), p.inputLength(), p.outputLength()));
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    private static Csv embeddingRepetitions(EmbeddingResult e) {
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : e.points()) {
            for (int i = 0; i < p.repetitions().size(); i++) {
                RepetitionResult r = p.repetitions().get(i);
                rows.add(List.of(n(p.batchSize()), n(p.sequenceLength()), n(i + 1), n(r.iterations()), n(r.sequences()), n(r.tokens()),
                        n(r.elapsedNanos()), n(r.engineNanos()), d(r.tokensPerSecond())));
            }
        }
        return new Csv(List.of("batch_size", "sequence_tokens", "repetition", "batches", "sequences", "tokens", "elapsed_nanos",
                "engine_nanos", "tokens_per_second"), rows);
    }

    private static Csv generationRepetitions(GenerationResult g) {
        List<List<String>> rows = new ArrayList<>();
        for (GenerationPoint p : g.points()) {
            for (int i = 0; i < p.repetitions().size(); i++) {
                GenerationRepetition r = p.repetitions().get(i);
                rows.add(List.of(n(p.batchSize()), n(p.inputLength()), n(p.outputLength()), n(i + 1), n(r.sequences()),
                        n(r.promptTokens()), n(r.outputTokens()), n(r.prefillNanos()), n(r.decodeNanos()), n(r.e2eNanos()),
                        n(r.engineNanos()), n(r.stepNanos()), d(r.prefillTokensPerSecond()),
                        r.decodeTokensPerSecond() == null ? "" : d(r.decodeTokensPerSecond())));
            }
        }
        return new Csv(List.of("batch_size", "input_tokens", "output_tokens", "repetition", "sequences", "prompt_tokens",
                "output_tokens_total", "prefill_nanos", "decode_nanos", "e2e_nanos", "engine_nanos", "step_nanos",
                "prefill_tokens_per_second", "decode_tokens_per_second"), rows);
    }

    private static Csv apis(PriceSheet cost) {
        List<List<String>> rows = new ArrayList<>();
        for (PriceSheet.ApiVerdict a : cost.apis()) {
            rows.add(List.of(a.provider(), a.model(), a.rateCardAsOf().toString(), s(a.flag()), usd(a.apiUsdPerMillionInput()),
                    usd(a.apiUsdPerMillionOutput()), usd(a.apiUsdPerMillionBlended()), usd(a.selfUsdPerMillionBlended()), usd(a.ratio()),
                    usd(a.breakEvenTokensPerMonth()), a.breakEvenUtilisation() == null ? "" : d(a.breakEvenUtilisation())));
        }
        return new Csv(List.of("provider", "model", "rate_card_as_of", "flag", "api_usd_per_million_input", "api_usd_per_million_output",
                "api_usd_per_million_blended", "self_usd_per_million_blended", "api_over_self_ratio", "break_even_tokens_per_month",
                "break_even_utilisation_fraction"), rows);
    }

    private static List<String> spread(Spread s) {
        if (s == null) {
            return List.of("", "", "", "", "");
        }
        return List.of(d(s.median()), d(s.min()), d(s.max()), s.coefficientOfVariation() == null ? "" : d(s.coefficientOfVariation()),
                s.ci95HalfWidthFraction() == null ? "" : d(s.ci95HalfWidthFraction()));
    }

    private static List<String> prices(PriceSheet cost, int batch, int in, Integer out) {
        if (cost == null) {
            return List.of("", "", "", "", "", "");
        }
        String profile = cost.hardware().name();
        String measuredOn = s(cost.measuredOn());
        return cost.points().stream().filter(p -> p.batchSize() == batch && p.inputLength() == in && Objects.equals(p.outputLength(), out))
                .findFirst().map(p -> List.of(usd(p.usdPerMillionInput()), usd(p.usdPerMillionOutput()), usd(p.usdPerMillionBlended()),
                        usd(p.usdPerMillionBlended3to1()), profile, measuredOn))
                .orElse(List.of("", "", "", "", profile, measuredOn));
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    private static String d(double v) {
        return Double.toString(v);
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    /** Stored money as stored (6 significant digits), plain. */
    private static String usd(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
