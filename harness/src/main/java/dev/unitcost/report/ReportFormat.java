package dev.unitcost.report;

import dev.unitcost.result.Comparison;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One way to write what unitcost produces (the seam for output formats, as JMH's
 * {@code ResultFormat}): a run report, several, or a comparison. Formats read only the finished
 * records; they never compute a figure. Listed in {@link ReportFormats}.
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
}
