package dev.unitcost.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.unitcost.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads YAML files into validated records.
 *
 * <p>Records validate themselves in their compact constructors by throwing {@link
 * IllegalArgumentException}; this class turns that, and every parse or type error, into one
 * {@link InputException} line naming the file, the line, the field and what was expected.
 */
public final class ConfigFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private ConfigFiles() {}

    /** The shared YAML mapper (thread safe once configured). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** Reads {@code file} as {@code type}, or throws an {@link InputException} saying why not. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            T value = YAML.readValue(Files.readAllBytes(file), type);
            if (value == null) {
                throw InputException.inFile(file, "(document)", "the file is empty");
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (JsonProcessingException e) {
            throw describe(file, e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static InputException describe(Path file, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        int line = where == null ? -1 : where.getLineNr();
        String field = e instanceof JsonMappingException m ? fieldPath(m) : "(syntax)";
        String expectation;
        if (e instanceof UnrecognizedPropertyException u) {
            expectation = "unknown field; expected one of " + u.getKnownPropertyIds();
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            expectation = v.getCause().getMessage();
        } else if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            expectation = iae.getMessage();
        } else {
            expectation = firstLine(e.getOriginalMessage());
        }
        if (e instanceof ValueInstantiationException && "(document)".equals(field)) {
            // a record's own check: its message names the field itself, and the parser stands at the end of the
            // record, not at that field; the line is the field's when the message starts with a key the file has
            int keyLine = lineOfKey(file, expectation);
            return new InputException(file + (keyLine > 0 ? ":" + keyLine : "") + ": " + expectation, e);
        }
        return line > 0
                ? InputException.inFile(file, line, field, expectation)
                : InputException.inFile(file, field, expectation);
    }

    /** The line of the first top-level key that {@code message} starts with ({@code utilisation must be …}); -1 when none. */
    static int lineOfKey(Path file, String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)\\b").matcher(message);
        if (!m.find()) {
            return -1;
        }
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(m.group(1)) + "\\s*:");
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (key.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException | java.io.UncheckedIOException ex) {
            return -1;
        }
        return -1;
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "(document)" : path;
    }

    /** A parser message on one line: its non-blank lines joined, without position excerpts. */
    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        String joined = message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.startsWith("^") && !l.startsWith("at [Source"))
                .reduce((a, b) -> a + "; " + b).orElse("invalid");
        return joined.length() > 240 ? joined.substring(0, 240) + "..." : joined;
    }

    /**
     * Resolves {@code nameOrPath} against a directory of YAML files: an existing path is used as
     * is; otherwise {@code dir/name.yaml}. An unknown name lists the known ones.
     */
    public static Path resolveNamed(Path dir, String nameOrPath, String what) {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        for (String ext : List.of(".yaml", ".yml")) {
            Path candidate = dir.resolve(nameOrPath + ext);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new InputException("unknown " + what + " '" + nameOrPath + "' (no such file, and not in "
                + dir + "); known: " + String.join(", ", namesIn(dir)));
    }

    /** The names (file names without .yaml) of the YAML files in {@code dir}, sorted. */
    public static List<String> namesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.lastIndexOf('.')))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }
}
