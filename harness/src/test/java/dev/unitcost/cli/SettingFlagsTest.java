package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An error about a setting names the flag that sets it, even where the flag is not the setting's name in kebab case. */
class SettingFlagsTest {

    static String error(String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(2, o.exitCode(), o.err());
        return o.err().strip();
    }

    @Test
    void theFlagTheUserTypedIsTheOneNamed() {
        assertEquals("unitcost: --target-ci: must be in [0, 100) percent, got 200.0", error("run", "--target-ci", "200"));
        assertEquals("unitcost: --sample-interval-ms: must be >= 1, got 0", error("run", "--sample-interval-ms", "0"));
        assertEquals("unitcost: --batch-sizes: every batch size must be >= 1, got 0", error("run", "--batch-sizes", "0"));
    }
}
