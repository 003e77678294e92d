package dev.unitcost.workload;

import dev.unitcost.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prompt text: a bundled corpus ({@code bundled:NAME}) or a UTF-8 file, one passage per non-blank line. */
public record Corpus(String source, List<String> passages) {

    public Corpus {
        passages = List.copyOf(passages);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException(source + ": corpus holds no text");
        }
    }

    public static Corpus load(String spec, Path relativeTo) {
        String text;
        if (spec.startsWith("bundled:")) {
            String name = spec.substring("bundled:".length());
            try (InputStream in = Corpus.class.getResourceAsStream(name + ".txt")) {
                if (in == null) {
                    throw new InputException("corpus: unknown bundled corpus '" + name + "'; known: default");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled corpus " + name, e);
            }
        } else {
            Path file = relativeTo == null ? Path.of(spec) : relativeTo.resolve(spec);
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(file + ": corpus file cannot be read (" + e.getMessage() + ")", e);
            }
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            throw new InputException(spec + ": corpus holds no text");
        }
        return new Corpus(spec, lines);
    }
}
