package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as written. Picocli reads descriptions as format strings: a bare {@code %} (as in
 * "the 95% interval") is a conversion that fails, and picocli then prints a warning on stderr and the raw text.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        List<String> rendered = new ArrayList<>();
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            collect(UnitcostCommand.commandLine(), rendered);
        } finally {
            System.setErr(original);
        }
        assertTrue(rendered.size() >= 10, "expected every subcommand, got " + rendered.size());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
        for (String usage : rendered) {
            assertFalse(usage.contains("%n"), usage);
        }
    }

    private static void collect(CommandLine cl, List<String> rendered) {
        rendered.add(cl.getUsageMessage());
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, rendered);
        }
    }
}
