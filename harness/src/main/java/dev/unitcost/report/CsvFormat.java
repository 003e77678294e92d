package dev.unitcost.report;

import dev.unitcost.cost.CostAnswer;
import dev.unitcost.cost.CostExtras;
import dev.unitcost.cost.ImpliedMargins;
import dev.unitcost.cost.RouteMix;
import dev.unitcost.cost.ScenarioBill;
import dev.unitcost.projection.Projection;
import dev.unitcost.result.Comparison;
import dev.unitcost.result.HistoryListing;
import dev.unitcost.result.MachineReport;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets, RFC 4180 quoting (Apache Commons CSV). A run report has several tables
 * ({@link #tables}): written to a stream, it is its {@code points} table; {@code unitcost report
 * --format csv --out DIR} writes one file per table. Other documents are their main table.
 */
final class CsvFormat implements ReportFormat {

    @Override
    public String name() {
        return "csv";
    }

    /** Each table of a run report as CSV text, by table name ({@code points}, {@code repetitions}, {@code apis}). */
    static Map<String, String> tables(RunReport report) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        CsvTables.of(report).forEach((name, table) -> out.put(name, csv(table.header(), table.rows())));
        return out;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        out.write(tables(report).get("points"));
    }

    /** Several runs: their points tables as one, each row starting with its run id. */
    @Override
    public void writeAll(List<RunReport> reports, Writer out) throws IOException {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (RunReport r : reports) {
            CsvTables.Csv points = CsvTables.of(r).get("points");
            if (header != null && !header.equals(points.header())) {
                // different task kinds have different columns: one table each, one after another
                out.write(csv(header, rows));
                out.write("\n");
                rows.clear();
            }
            header = new ArrayList<>(List.of("run_id"));
            header.addAll(points.header());
            for (List<String> row : points.rows()) {
                List<String> withId = new ArrayList<>(List.of(r.runId()));
                withId.addAll(row);
                rows.add(withId);
            }
            header = List.copyOf(header);
        }
        if (header != null) {
            out.write(csv(header, rows));
        }
    }

    @Override
    public void write(Comparison comparison, Writer out) throws IOException {
        out.write(firstTable(new ComparisonView(comparison).document()));
    }

    /**
     * The monthly bills, one row each: the API, the self-hosted bill, the load curve's fleet and each routing mix (the
     * duty-cycle sweep, the interval and the text prices are in the other formats).
     */
    @Override
    public void write(CostAnswer answer, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        CostAnswer.ApiBill api = answer.api();
        rows.add(List.of("api", api.label(), api.inputUsdPerMonth().toPlainString(), api.outputUsdPerMonth().toPlainString(),
                api.totalUsdPerMonth().toPlainString(), ""));
        answer.selfHosted().ifPresent(self -> rows.add(List.of("self-hosted", self.basis(), "", "", self.totalUsdPerMonth().toPlainString(),
                Long.toString(self.devices()))));
        // the load curve's fleet and each routing mix are monthly bills too: a spreadsheet must not lose the contract's figure
        answer.fleet().ifPresent(f -> rows.add(List.of("self-hosted fleet for load curve " + f.curve(), f.curveSource()
                + "; busiest hour at most " + f.utilisation() + " busy, every hour paid", "", "", f.usdPerMonth().toPlainString(),
                Long.toString(f.devices()))));
        for (CostExtras.Routes r : answer.routes()) {
            for (RouteMix.Row row : r.rows()) {
                rows.add(List.of("route " + row.selfShare() + " to " + r.model(), "self-hosted USD " + row.selfUsdPerMonth().toPlainString()
                        + " + API USD " + row.apiUsdPerMonth().toPlainString() + "; self-hosted throughput: " + r.throughput(), "", "",
                        row.totalUsdPerMonth().toPlainString(), Long.toString(row.devices())));
            }
        }
        out.write(csv(List.of("side", "priced_as", "input_usd_per_month", "output_usd_per_month", "total_usd_per_month", "devices"), rows));
    }

    @Override
    public void write(MachineReport machine, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Document.Block b : new MachineReportView(machine).document().blocks()) {
            if (b instanceof Document.Rows r) {
                r.rows().forEach(row -> rows.add(List.of(row.label(), row.value())));
            }
        }
        out.write(csv(List.of("item", "finding"), rows));
    }

    @Override
    public void write(HistoryListing history, Writer out) throws IOException {
        out.write(firstTable(new HistoryView(history).document()));
    }

    /** The comparison table (one device of each profile at its best point). */
    @Override
    public void write(Projection projection, Writer out) throws IOException {
        out.write(firstTable(new ProjectionView(projection).document()));
    }

    /** A document's first table (the figures it is about); an empty CSV when it has none. */
    private static String firstTable(Document document) {
        for (Document.Block b : document.blocks()) {
            if (b instanceof Document.TableBlock t) {
                return csv(t.table().headers(), t.table().rows());
            }
        }
        return "";
    }

    static String csv(List<String> header, List<? extends List<String>> rows) {
        StringBuilder s = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(s, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            p.printRecord(header);
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /** The options' table. */
    @Override
    public void write(ScenarioBill bill, Writer out) throws IOException {
        out.write(firstTable(new ScenarioBillView(bill).document()));
    }

    /** The margins table. */
    @Override
    public void write(ImpliedMargins margins, Writer out) throws IOException {
        out.write(firstTable(new MarginsView(margins).document()));
    }
}
