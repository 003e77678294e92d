package dev.unitcost.report;

import java.util.Locale;

/** Text for a terminal: aligned tables, one fact per line, a blank line between blocks (none under a heading). */
final class ConsoleFormat extends TextLayout {

    @Override
    public String name() {
        return "table";
    }

    @Override
    String layOut(Document document) {
        StringBuilder s = new StringBuilder();
        boolean underHeading = true;
        for (Document.Block block : document.blocks()) {
            if (!underHeading) {
                s.append('\n');
            }
            underHeading = false;
            if (block instanceof Document.Title t) {
                s.append(t.text()).append('\n');
                underHeading = true;
            } else if (block instanceof Document.Heading h) {
                s.append(h.text()).append('\n');
                underHeading = true;
            } else if (block instanceof Document.Text t) {
                s.append(t.text()).append('\n');
            } else if (block instanceof Document.Lines l) {
                l.lines().forEach(line -> s.append(l.indented() ? "  " : "").append(l.prefix()).append(line).append('\n'));
            } else if (block instanceof Document.Rows r) {
                r.rows().forEach(row -> s.append(String.format(Locale.ROOT, "  %-16s %s%n", row.label(), row.value())));
            } else if (block instanceof Document.TableBlock t) {
                s.append(t.table().text());
            }
        }
        return s.toString();
    }
}
