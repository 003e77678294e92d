package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.MachineReport;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

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

    @Override
    public void write(CostAnswer answer, Writer out) throws IOException {
        CostAnswerView v = new CostAnswerView(answer);
        StringBuilder s = new StringBuilder("## Monthly cost\n");
        for (CostAnswerView.Section section : v.sections()) {
            s.append("\n### ").append(section.heading()).append("\n");
            if (!section.lines().isEmpty()) {
                s.append('\n');
                section.lines().forEach(l -> s.append("- ").append(l).append('\n'));
            }
        }
        Table sweep = v.sweep();
        if (sweep != null) {
            s.append("\n### ").append(v.sweepHeading()).append("\n\n").append(sweep.markdown());
        }
        s.append("\n_").append(v.rounding()).append("_\n");
        out.write(s.toString());
    }

    @Override
    public void write(MachineReport machine, Writer out) throws IOException {
        StringBuilder s = new StringBuilder("## Machine report\n");
        for (MachineReportView.Section section : new MachineReportView(machine).sections()) {
            Table t = new Table(List.of("item", "finding"), List.of(false, false));
            section.rows().forEach(row -> t.row(row.label(), row.value()));
            s.append("\n### ").append(section.title()).append("\n\n").append(t.markdown());
        }
        out.write(s.toString());
    }
}
