package dev.unitcost.report;

import dev.unitcost.result.Comparison;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.Writer;

/** Markdown, short enough for a CI job summary. */
final class MarkdownFormat implements ReportFormat {

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        ReportView v = new ReportView(report);
        StringBuilder s = new StringBuilder();
        s.append("## ").append(v.title()).append("\n\n");
        s.append("Run `").append(report.runId()).append("`\n\n");
        v.context().forEach(l -> s.append("- ").append(l).append('\n'));
        s.append('\n').append(v.sweep().markdown()).append('\n');
        v.costLines().forEach(l -> s.append("- ").append(l).append('\n'));
        Table prices = v.prices();
        if (prices != null) {
            s.append('\n').append(prices.markdown());
        }
        Table apis = v.apis();
        if (apis != null) {
            s.append('\n').append(v.apisHeading()).append("\n\n").append(apis.markdown());
        }
        s.append('\n');
        v.telemetryLines().forEach(l -> s.append("- telemetry: ").append(l).append('\n'));
        out.write(s.toString());
    }

    @Override
    public void write(Comparison comparison, Writer out) throws IOException {
        ComparisonView v = new ComparisonView(comparison);
        StringBuilder s = new StringBuilder("## ").append(v.heading()).append("\n\n").append(v.table().markdown()).append('\n');
        v.notes().forEach(n -> s.append("- note: ").append(n).append('\n'));
        s.append("\n**").append(v.verdict()).append("**\n");
        out.write(s.toString());
    }
}
