package dev.unitcost.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table renderer: rows of cells already formatted, laid out as aligned text (each line
 * indented two spaces; right-aligned columns for numbers) or as a Markdown table.
 */
public final class Table {

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns named {@code headers}; {@code rightAligned} says, per column, whether its cells are aligned right (numbers). */
    public Table(List<String> headers, List<Boolean> rightAligned) {
        if (headers.size() != rightAligned.size()) {
            throw new IllegalArgumentException("one alignment per header");
        }
        this.headers = List.copyOf(headers);
        this.rightAligned = List.copyOf(rightAligned);
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The column headers, for layouts that draw their own table (HTML). */
    List<String> headers() {
        return headers;
    }

    /** Per column, whether its cells are aligned right. */
    List<Boolean> rightAligned() {
        return rightAligned;
    }

    /** The rows' cells, as given. */
    List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String text() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, width);
        for (List<String> r : rows) {
            appendLine(out, r, width);
        }
        return out.toString();
    }

    private void appendLine(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append("  ").append(rightAligned.get(c) ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (Boolean right : rightAligned) {
            out.append(right ? "---:|" : "---|");
        }
        out.append('\n');
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return out.toString();
    }
}
