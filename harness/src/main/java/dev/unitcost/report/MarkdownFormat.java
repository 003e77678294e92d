package dev.unitcost.report;

import java.util.List;

/** Markdown, short enough for a CI job summary: facts as bullets, tables as tables. */
final class MarkdownFormat extends TextLayout {

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    String layOut(Document document) {
        StringBuilder s = new StringBuilder();
        for (Document.Block block : document.blocks()) {
            if (s.length() > 0) {
                s.append('\n');
            }
            if (block instanceof Document.Title t) {
                s.append("## ").append(t.text()).append('\n');
            } else if (block instanceof Document.Heading h) {
                s.append("### ").append(h.text()).append('\n');
            } else if (block instanceof Document.Text t) {
                s.append(t.strong() ? "**" + t.text() + "**" : t.text()).append('\n');
            } else if (block instanceof Document.Lines l) {
                l.lines().forEach(line -> s.append("- ").append(l.prefix()).append(line).append('\n'));
            } else if (block instanceof Document.Rows r) {
                Table t = new Table(List.of("item", "finding"), List.of(false, false));
                r.rows().forEach(row -> t.row(row.label(), row.value()));
                s.append(t.markdown());
            } else if (block instanceof Document.TableBlock t) {
                s.append(t.table().markdown());
            }
        }
        return s.toString();
    }
}
