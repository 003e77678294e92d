package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.ImpliedMargins;
import dev.unitcost.cost.ScenarioBill;
import dev.unitcost.projection.Projection;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.HistoryListing;
import dev.unitcost.result.MachineReport;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.Writer;

/**
 * A text format: every document kind goes through its view into a {@link Document}, and the
 * format lays the blocks out. A new text format is one subclass with one method.
 */
abstract class TextLayout implements ReportFormat {

    /** The document as this format's text. */
    abstract String layOut(Document document);

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(layOut(new ReportView(report).document()));
    }

    @Override
    public void write(Comparison comparison, Writer out) throws IOException {
        out.write(layOut(new ComparisonView(comparison).document()));
    }

    @Override
    public void write(CostAnswer answer, Writer out) throws IOException {
        out.write(layOut(new CostAnswerView(answer).document()));
    }

    @Override
    public void write(MachineReport machine, Writer out) throws IOException {
        out.write(layOut(new MachineReportView(machine).document()));
    }

    @Override
    public void write(HistoryListing history, Writer out) throws IOException {
        out.write(layOut(new HistoryView(history).document()));
    }

    @Override
    public void write(Projection projection, Writer out) throws IOException {
        out.write(layOut(new ProjectionView(projection).document()));
    }

    @Override
    public void write(ScenarioBill bill, Writer out) throws IOException {
        out.write(layOut(new ScenarioBillView(bill).document()));
    }

    @Override
    public void write(ImpliedMargins margins, Writer out) throws IOException {
        out.write(layOut(new MarginsView(margins).document()));
    }
}
