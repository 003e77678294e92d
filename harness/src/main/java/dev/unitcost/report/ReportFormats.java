package dev.unitcost.report;

import dev.unitcost.InputException;
import java.util.List;

/** The formats this build writes, listed plainly. */
public final class ReportFormats {

    private ReportFormats() {}

    public static List<ReportFormat> all() {
        return List.of(new ConsoleFormat(), new MarkdownFormat(), new JsonFormat(), new HtmlFormat(), new CsvFormat());
    }

    public static List<String> names() {
        return all().stream().map(ReportFormat::name).toList();
    }

    /** The format called {@code name}, or an {@link InputException} on the {@code format} setting naming the known ones. */
    public static ReportFormat byName(String name) {
        return all().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> InputException.setting("format", "expected one of " + String.join(", ", names()) + ", got '" + name + "'"));
    }

    /**
     * A run report as CSV, one text per table ({@code points}, {@code repetitions}, {@code apis}), for
     * writing one file each; units are in the headers.
     */
    public static java.util.Map<String, String> csvTables(dev.unitcost.result.RunReport report) {
        return CsvFormat.tables(report);
    }
}
