package dev.unitcost.report;

import dev.unitcost.result.RunReport;

/** The report as a Markdown document. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {}

    public static String render(RunReport report) {
        EmbeddingReportView v = new EmbeddingReportView(report);
        StringBuilder out = new StringBuilder();
        out.append("## ").append(v.title()).append("\n\n");
        out.append("Run `").append(report.runId()).append("`\n\n");
        v.context().forEach(l -> out.append("- ").append(l).append('\n'));
        out.append('\n').append(v.sweep().markdown()).append('\n');
        v.costLines().forEach(l -> out.append("- ").append(l).append('\n'));
        if (report.cost() != null && !report.cost().apis().isEmpty()) {
            out.append("\nThe same tokens at embedding APIs (input price, against the cheapest point):\n\n");
            out.append(v.apis().markdown());
        }
        out.append('\n');
        v.telemetryLines().forEach(l -> out.append("- telemetry: ").append(l).append('\n'));
        return out.toString();
    }
}
