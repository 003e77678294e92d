package dev.unitcost.config;

import dev.unitcost.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A text file read whole as UTF-8: a corpus to count characters, words and tokens of. */
public final class TextFiles {

    private TextFiles() {}

    /** @throws InputException naming {@code setting} when the file is missing, unreadable, not UTF-8 or blank */
    public static String read(String path, String setting) {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw InputException.setting(setting, "no such file: " + path);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw InputException.inFile(file, "text", "expected UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw InputException.inFile(file, "text", "expected some words, the file is blank");
        }
        return text;
    }
}
