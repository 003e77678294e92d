package dev.unitcost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page in a real browser: headless Chromium loads it with every host name unresolvable,
 * and the DOM it built has the sections and the charts, a screenshot has content, and Chromium's
 * network log shows no request made for the page. Skipped when no {@code chromium} is on the PATH.
 */
class HtmlReportBrowserTest {

    private static final long TIMEOUT_SECONDS = 90;

    /**
     * How Chromium's net log keys a request made for a page opened from a file (its network
     * isolation key names the file:// top frame); Chromium's own background requests carry none.
     */
    private static final String REQUEST_FOR_THE_PAGE = "[internally: file://]";

    @TempDir
    Path tmp;

    private Path chromium;
    private Path page;
    private int runs;

    @BeforeEach
    void writePage() throws IOException {
        Optional<Path> found = onPath("chromium");
        assumeTrue(found.isPresent(), "no chromium on the PATH");
        chromium = found.get();
        page = Files.writeString(tmp.resolve("report.html"), HtmlReports.html(HtmlReports.generationPricedAs()), StandardCharsets.UTF_8);
    }

    @Test
    void theBrowserBuildsEverySectionAndChart() throws Exception {
        Run run = chromium("--dump-dom");
        String dom = run.stdout();
        for (String id : HtmlFormatTest.SECTIONS) {
            assertTrue(dom.contains(" id=\"" + id + "\""), "section " + id + " in the DOM");
        }
        assertTrue(HtmlFormatTest.count(dom, "<svg") >= 5, "svg elements: " + HtmlFormatTest.count(dom, "<svg"));
        assertTrue(dom.contains("PRICED AS rented-h100"));
        assertFalse(run.netLog().contains(REQUEST_FOR_THE_PAGE), "the page made a network request");
    }

    @Test
    void aScreenshotHasContent() throws Exception {
        Path png = tmp.resolve("report.png");
        Run run = chromium("--screenshot=" + png, "--window-size=1280,2400");
        assertTrue(Files.exists(png), "no screenshot; stderr:\n" + run.stderr());
        assertTrue(Files.size(png) > 20_000, "screenshot of " + Files.size(png) + " bytes");
        assertFalse(run.netLog().contains(REQUEST_FOR_THE_PAGE), "the page made a network request");
    }

    /** The control: a page that does fetch something is seen doing so, so the checks above are not vacuous. */
    @Test
    void aPageThatFetchesIsCaught() throws Exception {
        page = Files.writeString(tmp.resolve("fetches.html"), "<!DOCTYPE html><html><body><img src=\"https://example.invalid/x.png\">"
                + "</body></html>", StandardCharsets.UTF_8);
        assertTrue(chromium("--dump-dom").netLog().contains(REQUEST_FOR_THE_PAGE), "the control's request was not logged");
    }

    private record Run(String stdout, String stderr, String netLog) {}

    private Run chromium(String... mode) throws IOException, InterruptedException {
        Path netLog = tmp.resolve("net-" + (++runs) + ".json");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--user-data-dir=" + tmp.resolve("profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=" + netLog));
        command.addAll(List.of(mode));
        command.add(page.toUri().toString());
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
        }
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        return new Run(Files.readString(out), stderr, Files.readString(netLog));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
