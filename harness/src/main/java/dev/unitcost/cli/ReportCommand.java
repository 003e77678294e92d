package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.report.ReportFormat;
import dev.unitcost.report.ReportFormats;
import dev.unitcost.result.JsonResultStore;
import dev.unitcost.result.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unitcost report}: a stored run written again in any format (an HTML page, Markdown for a
 * CI summary, the console table, JSON), without re-running or re-pricing it.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a stored run's report in another format.",
            "",
            "Reads the report as stored (nothing is re-measured or re-priced). --format html writes one self-contained page "
                    + "with its charts inline; --out writes the file atomically instead of printing."
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    StoredReport source = new StoredReport();

    @Option(names = "--format", defaultValue = "table", paramLabel = "html|markdown|json|csv|table",
            description = "output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "write here (a temporary file, then moved into place) instead of stdout; for csv a directory, "
                    + "one file per table (RUNID-points.csv, RUNID-repetitions.csv, RUNID-apis.csv)")
    Path out;


    @Override
    public Integer call() {
        ReportFormat output = ReportFormats.byName(format);
        RunReport stored = source.load();
        PrintWriter w = spec.commandLine().getOut();
        if ("csv".equals(output.name()) && out != null) {
            writeCsvTables(stored, w);
            w.flush();
            return ExitCodes.OK;
        }
        String text = render(output, stored);
        if (out == null) {
            w.print(text);
        } else {
            writeAtomically(out, text);
            w.println("report: " + out);
        }
        w.flush();
        return ExitCodes.OK;
    }

    /** One CSV file per table into the {@code --out} directory, each written atomically. */
    private void writeCsvTables(RunReport stored, PrintWriter w) {
        if (Files.isRegularFile(out) || out.getFileName().toString().endsWith(".csv")) {
            throw InputException.option("--out", out + ": csv writes one file per table; give a directory");
        }
        for (var table : ReportFormats.csvTables(stored).entrySet()) {
            Path file = out.resolve(stored.runId() + "-" + table.getKey() + ".csv");
            writeAtomically(file, table.getValue());
            w.println(table.getKey() + ": " + file);
        }
    }

    /**
     * The report's HTML page beside its stored JSON ({@code results/RUNID.html}), written atomically;
     * for {@code run}, which writes one for every report it stores.
     */
    static Path writeHtmlBeside(Path storedJson, RunReport report) {
        Path page = storedJson.resolveSibling(report.runId() + ".html");
        writeAtomically(page, render(ReportFormats.byName("html"), report));
        return page;
    }

    private static String render(ReportFormat format, RunReport report) {
        StringWriter text = new StringWriter();
        try {
            format.write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + format.name() + " report", e); // a StringWriter does not throw
        }
        return text.toString();
    }

    /** {@code content} into {@code file} through a temporary file beside it, so that a reader never sees half a page. */
    static void writeAtomically(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw InputException.option("--out", file + " is a directory; give a file name");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                    // a temporary file is private to its owner; a report is as readable as any file written plainly
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
