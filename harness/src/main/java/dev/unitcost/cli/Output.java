package dev.unitcost.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writing a report format to the command's stdout. */
final class Output {

    /** Something that writes to a {@link Writer}. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private Output() {}

    static void write(PrintWriter out, Body body) {
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to stdout", e);
        }
        out.flush();
    }
}
