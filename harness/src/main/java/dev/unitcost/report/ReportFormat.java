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
 * One way to write what unitcost produces (the seam for output formats, as JMH's
 * {@code ResultFormat}): one method per kind of document (a run report or several, a comparison,
 * a cost answer, a machine report, a history listing). Formats read only the finished records; they never compute a
 * figure. Listed in {@link ReportFormats}; a new format implements every method.
 */
public interface ReportFormat {

    /** The name {@code --format} takes ({@code table}, {@code markdown}, {@code json}). */
    String name();

    void write(RunReport report, Writer out) throws IOException;

    /** Several reports (the default suite): one after another unless the format has a collection form. */
    default void writeAll(List<RunReport> reports, Writer out) throws IOException {
        for (RunReport r : reports) {
            write(r, out);
        }
    }

    void write(Comparison comparison, Writer out) throws IOException;

    /** {@code unitcost cost}: a workload's monthly bill on an API and, when measured, self-hosted. */
    void write(CostAnswer answer, Writer out) throws IOException;

    /** {@code unitcost doctor}: what this machine offers for measuring. */
    void write(MachineReport machine, Writer out) throws IOException;

    /** {@code unitcost history}: stored runs with one figure and its change against the previous run of the same setup. */
    void write(HistoryListing history, Writer out) throws IOException;

    /** {@code unitcost project}: a model projected onto hardware profiles, every figure labelled projected. */
    void write(Projection projection, Writer out) throws IOException;

    /** {@code unitcost cost --scenario}: every option of a scenario billed for the same month. */
    void write(ScenarioBill bill, Writer out) throws IOException;

    /** {@code unitcost margins}: providers' prices against our cost of serving the same shape. */
    void write(ImpliedMargins margins, Writer out) throws IOException;
}
