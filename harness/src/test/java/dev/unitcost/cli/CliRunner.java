package dev.unitcost.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what it printed. */
public final class CliRunner {

    public record Outcome(int exitCode, String out, String err) {}

    private CliRunner() {}

    public static Outcome run(String... args) {
        return run(RunCommand.CLIENTS, args);
    }

    /** With {@code run --endpoint} connecting through {@code clients} (a scripted server). */
    public static Outcome run(dev.unitcost.engine.endpoint.StreamingClientFactory clients, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = UnitcostCommand.commandLine(clients);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
