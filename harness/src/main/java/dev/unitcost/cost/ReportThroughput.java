package dev.unitcost.cost;

import dev.unitcost.result.GenerationPoint;
import dev.unitcost.result.PointResult;
import dev.unitcost.result.RunReport;
import java.util.Comparator;

/** Measured throughput read from a stored run report. */
public final class ReportThroughput {

    private ReportThroughput() {}

    /**
     * The report's best successful point as a throughput. Embedding reports measure input tokens
     * only (highest median tokens/s; no output rate); generation reports see {@link #bestGeneration}.
     *
     * @throws IllegalArgumentException when no point succeeded
     */
    public static MeasuredThroughput best(RunReport report) {
        if ("generation".equals(report.task())) {
            return bestGeneration(report);
        }
        PointResult best = report.points().stream().filter(PointResult::ok)
                .max(Comparator.comparingDouble(p -> p.tokensPerSecond().median()))
                .orElseThrow(() -> new IllegalArgumentException("report " + report.runId() + " has no successful point"));
        String label = String.format(java.util.Locale.ROOT, "report %s (%s, %s), batch %d: median of %d repetitions",
                report.runId(), report.task(), report.model().name(), best.batchSize(), best.repetitions().size());
        return MeasuredThroughput.inputOnly(best.tokensPerSecond().median(), label);
    }

    /**
     * A generation report's point with the highest median decode tokens/s (prefill tokens/s when
     * nothing was decoded): prefill throughput for input tokens, decode throughput for output tokens.
     */
    static MeasuredThroughput bestGeneration(RunReport report) {
        GenerationPoint best = report.generationPoints().stream().filter(GenerationPoint::ok)
                .max(Comparator.comparingDouble(p -> p.decodeTokensPerSecond() != null ? p.decodeTokensPerSecond().median()
                        : p.prefillTokensPerSecond().median()))
                .orElseThrow(() -> new IllegalArgumentException("report " + report.runId() + " has no successful point"));
        return GenerationRunPricing.throughput(report, best);
    }
}
