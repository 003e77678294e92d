package dev.unitcost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitcost.InputException;
import dev.unitcost.TestModels;
import dev.unitcost.cost.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors a record's own check raises point at the line of the field they name, not at the end of the record. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRecordsOwnCheckNamesTheLineOfItsField() throws Exception {
        String seed = Files.readString(TestModels.ROOT.resolve("profiles/scenarios/seed-000.yaml"));
        Path file = Files.writeString(dir.resolve("s.yaml"), seed.replace("\nutilisation: 0.8\n", "\nutilisation: 1.8\n"));
        int line = seed.lines().toList().indexOf("utilisation: 0.8") + 1;
        InputException e = assertThrows(InputException.class, () -> ConfigFiles.read(file, Scenario.class));
        assertEquals(file + ":" + line + ": utilisation must be in (0, 1], got 1.8", e.getMessage());
    }

    @Test
    void aMessageThatNamesNoKeyOfTheFileGivesNoLine() throws Exception {
        Path file = Files.writeString(dir.resolve("k.yaml"), "a: 1\nb: 2\n");
        assertEquals(2, ConfigFiles.lineOfKey(file, "b must be positive"));
        assertEquals(-1, ConfigFiles.lineOfKey(file, "users must be > 0"));
        assertEquals(-1, ConfigFiles.lineOfKey(file, "(a must be odd)"));
    }
}
