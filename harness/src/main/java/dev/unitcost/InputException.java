package dev.unitcost;

import java.nio.file.Path;

/**
 * Bad input from the user: a missing file, a malformed profile, an out-of-range option.
 *
 * <p>The message is one line that names what was wrong (file, field, expectation) and is shown
 * as is; the command exits with code 2 and writes no result. Anything else that fails is a bug or
 * an environment problem and maps to another exit code.
 */
public class InputException extends RuntimeException {

    private final String setting;
    private final String expectation;

    public InputException(String message) {
        this(message, (Throwable) null);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
        this.setting = null;
        this.expectation = message;
    }

    /** An error about {@code setting}; subclasses name the setting as {@link #setting(String, String)} does. */
    protected InputException(String setting, String expectation, boolean named) {
        super(setting + ": " + expectation);
        this.setting = setting;
        this.expectation = expectation;
    }

    /**
     * A wrong setting, named as the record component that holds it ({@code batchSizes},
     * {@code engine}): layers below the CLI know no command-line flag, and the CLI shows the flag
     * that sets it ({@link #setting()}).
     */
    public static InputException setting(String setting, String expectation) {
        return new InputException(setting, expectation, true);
    }

    /** The setting that was wrong, when the error is about one; null otherwise. */
    public String setting() {
        return setting;
    }

    /** The message without the setting's name. */
    public String expectation() {
        return expectation;
    }

    /** {@code file: field: expectation}, with the file shown as given. */
    public static InputException inFile(Path file, String field, String expectation) {
        return new InputException(file + ": " + field + ": " + expectation);
    }

    /** {@code file:line: field: expectation}. */
    public static InputException inFile(Path file, int line, String field, String expectation) {
        return new InputException(file + ":" + line + ": " + field + ": " + expectation);
    }

    /** {@code --option: expectation}. */
    public static InputException option(String option, String expectation) {
        return new InputException(option + ": " + expectation);
    }
}
