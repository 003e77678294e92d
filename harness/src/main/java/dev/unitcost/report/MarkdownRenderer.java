package dev.unitcost.report;

import dev.unitcost.result.RunReport;

/** The report as a Markdown document. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {}

    public static String render(RunReport report) {
        if ("generation".equals(report.task())) {
            return generation(report);
        }
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

    private static String generation(RunReport report) {
        GenerationReportView v = new GenerationReportView(report);
        StringBuilder out = new StringBuilder();
        out.append("## ").append(v.title()).append("\n\n");
        out.append("Run `").append(report.runId()).append("`\n\n");
        v.context().forEach(l -> out.append("- ").append(l).append('\n'));
        out.append('\n').append(v.sweep().markdown()).append('\n');
        v.costLines().forEach(l -> out.append("- ").append(l).append('\n'));
        if (report.generationCost() != null) {
            out.append('\n').append(v.prices().markdown());
            if (!report.generationCost().apis().isEmpty()) {
                out.append("\nThe same token mix at chat APIs (against the point cheapest at 3:1, blended at that point's own mix):\n\n");
                out.append(v.apis().markdown());
            }
        }
        out.append('\n');
        new EmbeddingReportView(report).telemetryLines().forEach(l -> out.append("- telemetry: ").append(l).append('\n'));
        return out.toString();
    }
}
