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
import java.util.List;

/**
 * One self-contained HTML page: the style inline, charts as inline SVG (JFreeChart through
 * JFreeSVG), nothing fetched from anywhere. A run report gets its charts; a comparison, a cost answer
 * and a machine report are their views' documents as HTML. Every string from the input is escaped.
 */
final class HtmlFormat implements ReportFormat {

    @Override
    public String name() {
        return "html";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(RunReportHtml.page(report));
    }

    /** Several reports (the default suite): one page, each report's sections one after another, their ids prefixed {@code runN-}. */
    @Override
    public void writeAll(List<RunReport> reports, Writer out) throws IOException {
        if (reports.size() == 1) {
            write(reports.get(0), out);
            return;
        }
        HtmlPage page = new HtmlPage("unitcost: " + reports.size() + " runs");
        SvgCharts charts = new SvgCharts();
        for (int i = 0; i < reports.size(); i++) {
            new RunReportHtml(reports.get(i), charts, "run" + (i + 1) + "-").writeTo(page);
        }
        out.write(page.finish());
    }

    @Override
    public void write(Comparison comparison, Writer out) throws IOException {
        out.write(page("unitcost compare", new ComparisonView(comparison).document()));
    }

    @Override
    public void write(CostAnswer answer, Writer out) throws IOException {
        out.write(page("unitcost cost", new CostAnswerView(answer).document()));
    }

    @Override
    public void write(MachineReport machine, Writer out) throws IOException {
        out.write(page("unitcost doctor", new MachineReportView(machine).document()));
    }

    @Override
    public void write(HistoryListing history, Writer out) throws IOException {
        out.write(page("unitcost history", new HistoryView(history).document()));
    }

    @Override
    public void write(Projection projection, Writer out) throws IOException {
        out.write(page("unitcost project", new ProjectionView(projection).document()));
    }

    private static String page(String title, Document document) {
        return new HtmlPage(title).open("section", null, "document").document(document).close("section").finish();
    }

    @Override
    public void write(ScenarioBill bill, Writer out) throws IOException {
        out.write(page("unitcost cost --scenario", new ScenarioBillView(bill).document()));
    }

    @Override
    public void write(ImpliedMargins margins, Writer out) throws IOException {
        out.write(page("unitcost margins", new MarginsView(margins).document()));
    }
}
