package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.ImpliedMargins;
import dev.unitcost.cost.ScenarioBill;
import dev.unitcost.projection.Projection;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.HistoryListing;
import dev.unitcost.result.MachineReport;
import dev.unitcost.result.ReportJson;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** JSON written by Jackson from the records ({@link ReportJson}): one report, an array of several, a comparison, a cost answer, a machine report or a history listing. */
final class JsonFormat implements ReportFormat {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        json(report, out);
    }

    @Override
    public void writeAll(List<RunReport> reports, Writer out) throws IOException {
        if (reports.size() == 1) {
            write(reports.get(0), out);
        } else {
            json(reports, out);
        }
    }

    @Override
    public void write(Comparison comparison, Writer out) throws IOException {
        json(comparison, out);
    }

    @Override
    public void write(CostAnswer answer, Writer out) throws IOException {
        json(answer, out);
    }

    @Override
    public void write(MachineReport machine, Writer out) throws IOException {
        json(machine, out);
    }

    @Override
    public void write(HistoryListing history, Writer out) throws IOException {
        json(history, out);
    }

    @Override
    public void write(Projection projection, Writer out) throws IOException {
        json(projection, out);
    }

    @Override
    public void write(ScenarioBill bill, Writer out) throws IOException {
        json(bill, out);
    }

    @Override
    public void write(ImpliedMargins margins, Writer out) throws IOException {
        json(margins, out);
    }

    /** One record as the stored JSON, then a newline. */
    private static void json(Object value, Writer out) throws IOException {
        out.write(ReportJson.write(value));
        out.write('\n');
    }
}
