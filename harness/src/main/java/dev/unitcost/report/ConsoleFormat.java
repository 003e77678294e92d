package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.MachineReport;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Text for a terminal: aligned tables, one fact per line. */
final class ConsoleFormat implements ReportFormat {

    @Override
    public String name() {
        return "table";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        ReportView v = new ReportView(report);
        StringBuilder s = new StringBuilder();
        s.append("unitcost run ").append(report.runId()).append('\n');
        s.append(v.title()).append('\n');
        v.context().forEach(l -> s.append(l).append('\n'));
        s.append('\n').append(v.sweep().text()).append('\n');
        v.costLines().forEach(l -> s.append(l).append('\n'));
        Table prices = v.prices();
        if (prices != null) {
            s.append(prices.text());
        }
        Table apis = v.apis();
        if (apis != null) {
            s.append('\n').append(v.apisHeading()).append('\n').append(apis.text());
        }
        s.append('\n');
        v.telemetryLines().forEach(l -> s.append("telemetry: ").append(l).append('\n'));
        out.write(s.toString());
    }

    @Override
    public void write(Comparison comparison, Writer out) throws IOException {
        ComparisonView v = new ComparisonView(comparison);
        StringBuilder s = new StringBuilder(v.heading()).append("\n\n").append(v.table().text());
        v.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
        s.append('\n').append(v.verdict()).append('\n');
        out.write(s.toString());
    }

    @Override
    public void write(CostAnswer answer, Writer out) throws IOException {
        CostAnswerView v = new CostAnswerView(answer);
        StringBuilder s = new StringBuilder();
        for (CostAnswerView.Section section : v.sections()) {
            s.append(s.length() == 0 ? "" : "\n").append(section.heading()).append('\n');
            section.lines().forEach(l -> s.append("  ").append(l).append('\n'));
        }
        Table sweep = v.sweep();
        if (sweep != null) {
            s.append('\n').append(v.sweepHeading()).append('\n').append(sweep.text());
        }
        s.append('\n').append(v.rounding()).append('\n');
        out.write(s.toString());
    }

    @Override
    public void write(MachineReport machine, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        for (MachineReportView.Section section : new MachineReportView(machine).sections()) {
            s.append(s.length() == 0 ? "" : "\n").append(section.title()).append('\n');
            for (MachineReportView.Row row : section.rows()) {
                s.append(String.format(Locale.ROOT, "  %-16s %s%n", row.label(), row.value()));
            }
        }
        out.write(s.toString());
    }
}
