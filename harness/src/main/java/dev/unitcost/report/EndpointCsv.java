package dev.unitcost.report;

import dev.unitcost.cost.PriceSheet;
import dev.unitcost.load.Tally;
import dev.unitcost.metrics.LatencySummary;
import dev.unitcost.result.EndpointPoint;
import dev.unitcost.result.EndpointResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An endpoint run's CSV tables: one row per load point, and one per repetition with its raw counts. */
final class EndpointCsv {

    private EndpointCsv() {}

    static CsvTables.Csv points(EndpointResult e, PriceSheet cost) {
        List<String> header = new ArrayList<>(List.of("load", "level", "status", "repetitions", "stopped_because", "failed",
                "warmup_failed", "requests_per_second_median", "input_tokens_per_second_median", "output_tokens_per_second_median",
                "output_ci95_half_width_fraction", "goodput_per_second_median", "slo_met"));
        for (String latency : List.of("ttft", "tpot", "itl", "e2e")) {
            header.add(latency + "_p50_nanos");
            header.add(latency + "_p90_nanos");
            header.add(latency + "_p99_nanos");
        }
        header.addAll(List.of("token_reconciliation", "forced_length", "client_overhead_nanos_per_token", "usd_per_million_input",
                "usd_per_million_output", "hardware_profile"));
        List<List<String>> rows = new ArrayList<>();
        for (EndpointPoint p : e.points()) {
            List<String> row = new ArrayList<>(List.of(p.load(), Double.toString(p.level()), p.status(),
                    Integer.toString(p.repetitions().size()), s(p.stoppedBecause()), EndpointTables.failed(p.failed()),
                    EndpointTables.failed(p.warmupFailed()), median(p.requestsPerSecond()), median(p.inputTokensPerSecond()),
                    median(p.outputTokensPerSecond()),
                    p.outputTokensPerSecond() == null || p.outputTokensPerSecond().ci95HalfWidthFraction() == null ? ""
                            : Double.toString(p.outputTokensPerSecond().ci95HalfWidthFraction()),
                    median(p.goodputPerSecond()), p.sloMet() == null ? "" : p.sloMet().toString()));
            var l = p.latencies();
            for (LatencySummary s : l == null ? Arrays.asList((LatencySummary) null, null, null, null)
                    : Arrays.asList(l.ttft(), l.tpot(), l.itl(), l.e2e())) {
                row.add(s == null ? "" : Long.toString(s.p50Nanos()));
                row.add(s == null ? "" : Long.toString(s.p90Nanos()));
                row.add(s == null ? "" : Long.toString(s.p99Nanos()));
            }
            var price = EndpointTables.price(e, cost, p);
            row.addAll(List.of(p.tokenReconciliation(), p.forcedLength(),
                    p.clientOverheadNanosPerToken() == null ? "" : Double.toString(p.clientOverheadNanosPerToken()),
                    price.map(c -> usd(c.usdPerMillionInput())).orElse(""), price.map(c -> usd(c.usdPerMillionOutput())).orElse(""),
                    cost == null ? "" : cost.hardware().name()));
            rows.add(row);
        }
        return new CsvTables.Csv(header, rows);
    }

    static CsvTables.Csv repetitions(EndpointResult e) {
        List<List<String>> rows = new ArrayList<>();
        for (EndpointPoint p : e.points()) {
            for (int i = 0; i < p.repetitions().size(); i++) {
                Tally t = p.repetitions().get(i);
                rows.add(List.of(p.load(), Double.toString(p.level()), Integer.toString(i + 1), Integer.toString(t.sent()),
                        Integer.toString(t.ok()), EndpointTables.failed(t.failed()), Long.toString(t.windowNanos()),
                        Boolean.toString(t.steady()), Integer.toString(t.completed()), Integer.toString(t.good()),
                        Long.toString(t.inputTokens()), Boolean.toString(t.inputTokensEstimated()), Long.toString(t.outputTokens()),
                        Long.toString(t.prefillNanos()), Long.toString(t.requestNanos()), Long.toString(t.clientNanos())));
            }
        }
        return new CsvTables.Csv(List.of("load", "level", "repetition", "sent", "ok", "failed", "window_nanos", "steady", "completed",
                "good", "input_tokens", "input_tokens_estimated", "output_tokens", "prefill_nanos", "request_nanos", "client_nanos"), rows);
    }

    private static String median(dev.unitcost.metrics.Spread s) {
        return s == null ? "" : Double.toString(s.median());
    }

    private static String usd(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
