package dev.unitcost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Runs the real root command line in-process with the cost commands added (until the root lists
 * them itself), with the root's own exception handlers and exit codes.
 */
final class CostCli {

    /**
     * The fixture project the cost commands read: hardware profiles and rate cards frozen under
     * src/test/resources/fixtures/cost, so that refreshing profiles/ never changes a test. Read only.
     */
    static final String PROJECT = project();

    private CostCli() {}

    private static String project() {
        try {
            return Path.of(CostCli.class.getResource("/fixtures/cost").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CliRunner.Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = UnitcostCommand.commandLine();
        for (Object sub : new Object[] {new CostCommand(), new RatecardsCommand(), new RepriceCommand()}) {
            String name = sub.getClass().getAnnotation(picocli.CommandLine.Command.class).name();
            if (!cl.getSubcommands().containsKey(name)) {
                cl.addSubcommand(sub);
            }
        }
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRunner.Outcome(code, out.toString(), err.toString());
    }
}
