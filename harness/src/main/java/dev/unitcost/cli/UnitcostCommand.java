package dev.unitcost.cli;

import dev.unitcost.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code unitcost} command: subcommands only. */
@Command(
        name = "unitcost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "What does a million tokens cost on hardware we run ourselves, and is that cheaper than the API?",
            "",
            "Measures quantised models with ONNX Runtime or DJL, samples the machine while they run, "
                    + "and prices the measured throughput against hardware profiles and dated API rate cards."
        },
        subcommands = {RunCommand.class, SynthCommand.class, CostCommand.class, RepriceCommand.class, ReportCommand.class,
            RatecardsCommand.class, CompareCommand.class, HistoryCommand.class,
            DoctorCommand.class, ProjectCommand.class, MarginsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:finished",
            "1:compare found a regression",
            "2:bad input (file, field or option); nothing written",
            "3:compare --confirm could neither confirm nor reject a regression",
            "4:environment error or bug",
            "5:run --endpoint finished and stored its report, but requests failed (counted by kind in the report)"
        })
public final class UnitcostCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line: exit codes mapped, errors as one line on stderr. */
    public static CommandLine commandLine() {
        return commandLine(RunCommand.CLIENTS);
    }

    /** The command line with {@code run --endpoint} connecting through {@code clients} (tests pass scripted servers). */
    static CommandLine commandLine(dev.unitcost.engine.endpoint.StreamingClientFactory clients) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == RunCommand.class ? type.cast(new RunCommand(clients)) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cl = new CommandLine(new UnitcostCommand(), factory);
        cl.setExecutionExceptionHandler(UnitcostCommand::handle);
        cl.setParameterExceptionHandler(UnitcostCommand::handleParameter);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InputException input) {
            err.println("unitcost: " + (input.setting() != null ? flag(cl.getCommandSpec(), input.setting()) + ": " + input.expectation()
                    : e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        err.println("unitcost: error: " + e);
        if (Boolean.getBoolean("unitcost.debug")) {
            e.printStackTrace(err);
        } else {
            err.println("(run with -Dunitcost.debug=true for the stack trace)");
        }
        return ExitCodes.ERROR;
    }

    /**
     * The flag that sets a setting: its record component name in kebab case ({@code batchSizes}
     * becomes {@code --batch-sizes}). Every option is named so; a positional keeps its label.
     */
    static String flag(CommandLine.Model.CommandSpec command, String setting) {
        // the option whose field carries the setting's name (targetCiPercent is --target-ci)
        for (CommandLine.Model.OptionSpec option : command.options()) {
            if (option.userObject() instanceof java.lang.reflect.Field f && f.getName().equals(setting)) {
                return option.longestName();
            }
        }
        return flag(setting);
    }

    /** The kebab-case form of a setting's name, for settings no option field carries. */
    static String flag(String setting) {
        if (setting.equals(setting.toUpperCase(java.util.Locale.ROOT))) {
            return setting; // a positional parameter's label (REPORT, FILE)
        }
        return "--" + setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static int handleParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("unitcost: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCodes.BAD_INPUT;
    }
}
