package dev.unitcost.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a view has to say, as blocks a text format lays out: the views decide what is said, each
 * format only how it looks (a terminal, Markdown; HTML would be one more layout of the same blocks).
 */
final class Document {

    /** One piece of a document. */
    sealed interface Block permits Title, Heading, Text, Lines, Rows, TableBlock {}

    /** The document's title. */
    record Title(String text) implements Block {}

    /** A section's heading. */
    record Heading(String text) implements Block {}

    /** A paragraph; {@code strong} for a verdict. */
    record Text(String text, boolean strong) implements Block {}

    /** Facts, one a line, each after {@code prefix}; {@code indented} under a heading on a terminal. */
    record Lines(String prefix, List<String> lines, boolean indented) implements Block {
        Lines {
            lines = List.copyOf(lines);
        }
    }

    /** Label and value pairs. */
    record Rows(List<Row> rows) implements Block {
        Rows {
            rows = List.copyOf(rows);
        }
    }

    record Row(String label, String value) {}

    record TableBlock(Table table) implements Block {}

    private final List<Block> blocks = new ArrayList<>();

    Document title(String text) {
        blocks.add(new Title(text));
        return this;
    }

    Document heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    Document text(String text) {
        blocks.add(new Text(text, false));
        return this;
    }

    Document strong(String text) {
        blocks.add(new Text(text, true));
        return this;
    }

    Document lines(String prefix, List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Lines(prefix, lines, false));
        }
        return this;
    }

    /** Lines that belong to the heading above them. */
    Document indentedLines(List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Lines("", lines, true));
        }
        return this;
    }

    Document rows(List<Row> rows) {
        blocks.add(new Rows(rows));
        return this;
    }

    /** A table; nothing when {@code table} is null (a section with no rows to show). */
    Document table(Table table) {
        if (table != null) {
            blocks.add(new TableBlock(table));
        }
        return this;
    }

    List<Block> blocks() {
        return List.copyOf(blocks);
    }
}
