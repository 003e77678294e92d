package dev.unitcost.report;

import java.util.List;
import org.apache.commons.text.StringEscapeUtils;

/**
 * One self-contained HTML page being written: the style sheet inline, nothing fetched (no fonts,
 * scripts or images from anywhere). Every piece of text goes through {@link #esc}; only markup
 * built here and SVG from {@link SvgCharts} is appended as is.
 */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#222;background:#f6f6f4}
            main{max-width:1180px;margin:0 auto;padding:24px}
            h1{font-size:1.5em;margin:0 0 .3em}
            h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #ccc;padding-bottom:.2em}
            h3{font-size:1em;margin:1.2em 0 .4em}
            section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 18px;margin:16px 0}
            .priced-as{background:#fff3cd;border:2px solid #d39e00;color:#5c4400;font-weight:bold;font-size:1.1em;padding:10px 14px;border-radius:6px}
            .twin{background:#e8eefc;border:1px solid #7a90c8;padding:8px 12px;border-radius:6px}
            .cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{flex:1 1 200px;background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px}
            .card .label{font-size:.8em;color:#666;text-transform:uppercase;letter-spacing:.04em}
            .card .value{font-size:1.5em;font-weight:bold;margin:.2em 0}
            .card .note{font-size:.85em;color:#444}
            table{border-collapse:collapse;font-size:.85em;margin:.4em 0;display:block;overflow-x:auto}
            th,td{border:1px solid #ddd;padding:3px 7px;vertical-align:top}
            th{background:#f0f0ec;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:.4em 0}
            dt{font-weight:bold;color:#444}
            dd{margin:0}
            ul{margin:.3em 0;padding-left:1.3em}
            .chart{margin:10px 0}
            .chart svg{max-width:100%;height:auto}
            .strong{font-weight:bold}
            footer{font-size:.8em;color:#666;margin-top:2em}
            """;

    private final StringBuilder html = new StringBuilder();

    HtmlPage(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
    }

    /** Text as HTML: {@code <}, {@code &}, quotes and non-ASCII escaped; null as "-". */
    static String esc(String text) {
        return text == null ? "-" : StringEscapeUtils.escapeHtml4(text);
    }

    /** Markup built by this package (never text from a report: that goes through {@link #esc}). */
    HtmlPage raw(String markup) {
        html.append(markup);
        return this;
    }

    HtmlPage element(String tag, String cssClass, String text) {
        html.append('<').append(tag);
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        html.append('>').append(esc(text)).append("</").append(tag).append(">\n");
        return this;
    }

    HtmlPage open(String tag, String cssClass, String id) {
        html.append('<').append(tag);
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        if (id != null) {
            html.append(" id=\"").append(id).append('"');
        }
        html.append(">\n");
        return this;
    }

    HtmlPage close(String tag) {
        html.append("</").append(tag).append(">\n");
        return this;
    }

    HtmlPage list(List<String> items) {
        if (!items.isEmpty()) {
            html.append("<ul>\n");
            items.forEach(i -> html.append("<li>").append(esc(i)).append("</li>\n"));
            html.append("</ul>\n");
        }
        return this;
    }

    HtmlPage rows(List<Document.Row> rows) {
        html.append("<dl>\n");
        rows.forEach(r -> html.append("<dt>").append(esc(r.label())).append("</dt><dd>").append(esc(r.value())).append("</dd>\n"));
        html.append("</dl>\n");
        return this;
    }

    HtmlPage table(Table t) {
        if (t == null) {
            return this;
        }
        html.append("<table>\n<thead><tr>");
        t.headers().forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append(t.rightAligned().get(c) ? "<td class=\"num\">" : "<td>").append(esc(row.get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return this;
    }

    /** A chart: SVG markup from {@link SvgCharts}, under a caption. */
    HtmlPage chart(String caption, String svg) {
        html.append("<figure class=\"chart\">\n").append(svg).append("\n<figcaption>").append(esc(caption)).append("</figcaption>\n</figure>\n");
        return this;
    }

    /** A view's document as HTML: the same blocks the text formats lay out. */
    HtmlPage document(Document d) {
        for (Document.Block block : d.blocks()) {
            if (block instanceof Document.Title t) {
                element("h1", null, t.text());
            } else if (block instanceof Document.Heading h) {
                element("h3", null, h.text());
            } else if (block instanceof Document.Text t) {
                element("p", t.strong() ? "strong" : null, t.text());
            } else if (block instanceof Document.Lines l) {
                list(l.lines().stream().map(line -> l.prefix() + line).toList());
            } else if (block instanceof Document.Rows r) {
                rows(r.rows());
            } else if (block instanceof Document.TableBlock t) {
                table(t.table());
            }
        }
        return this;
    }

    String finish() {
        return html + "<footer>Written by unitcost; self-contained: nothing on this page is fetched from anywhere.</footer>\n"
                + "</main>\n</body>\n</html>\n";
    }
}
