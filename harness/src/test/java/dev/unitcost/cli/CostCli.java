package dev.unitcost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the real root command line in-process with the cost commands added (until the root lists
 * them itself), with the root's own exception handlers and exit codes.
 */
final class CostCli {

    private CostCli() {}

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
