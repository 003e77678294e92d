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

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
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
