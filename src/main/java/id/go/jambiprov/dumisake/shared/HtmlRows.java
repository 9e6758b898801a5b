package id.go.jambiprov.dumisake.shared;

import org.unbescape.html.HtmlEscape;

/**
 * The rows of a long table (or the items of a long list) written as HTML in Java, for one {@code th:utext} in the
 * template's {@code tbody} (or {@code ul}).
 * Thymeleaf spends its time per processed attribute and element: fifty rows of ten cells with a {@code th:text},
 * {@code th:href} or {@code th:title} each were some 700 of them per page (the allocation list, warm, 16 connections:
 * 312 → 361 requests a second with this and the page's limit written into its statement; docs/benchmarks.md). Texts
 * and attribute values are escaped as {@code th:text} and {@code th:attr} escape them
 * ({@code < > & " '}); tag and attribute names and CSS classes are the caller's constants, never user data.
 */
public final class HtmlRows {

    /** A row of the allocation or the work list is some 750 chars: one buffer for a page of them, no growth. */
    private static final int CHARS_PER_ROW = 1024;

    private final TextBuffer html;

    /** For {@code rows} rows of the allocation list's size. */
    public HtmlRows(int rows) {
        this(rows, CHARS_PER_ROW);
    }

    /** For {@code rows} rows (or elements) of some {@code charsPerRow} chars each. */
    public HtmlRows(int rows, int charsPerRow) {
        this.html = new TextBuffer(Math.max(rows, 1) * charsPerRow);
    }

    /** Opens a row, {@code <tr id="…">}; no id for null. */
    public HtmlRows row(String id) {
        html.append("<tr");
        attribute("id", id);
        html.append('>');
        return this;
    }

    public HtmlRows endRow() {
        html.append("</tr>\n");
        return this;
    }

    /** A cell with nothing but a text: {@code <td class="…">text</td>}; no class for null. */
    public HtmlRows cell(String cssClass, String text) {
        return open("td", "class", cssClass).text(text).close("td");
    }

    /**
     * Opens an element with attributes given as name, value, name, value…; an attribute whose value is null is
     * left out, as {@code th:attr} leaves it out.
     */
    public HtmlRows open(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name and value pairs: " + attributes.length);
        }
        html.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            attribute(attributes[i], attributes[i + 1]);
        }
        html.append('>');
        return this;
    }

    /** A text, escaped; nothing for null (as {@code th:text} of null). */
    public HtmlRows text(String text) {
        if (text != null) {
            html.append(HtmlEscape.escapeHtml4Xml(text));
        }
        return this;
    }

    /** A space between two inline elements, where the template had a line break. */
    public HtmlRows space() {
        html.append(' ');
        return this;
    }

    public HtmlRows close(String tag) {
        html.append("</").append(tag).append('>');
        return this;
    }

    private void attribute(String name, String value) {
        if (value != null) {
            html.append(' ').append(name).append("=\"").append(HtmlEscape.escapeHtml4Xml(value)).append('"');
        }
    }

    @Override
    public String toString() {
        return html.toString();
    }
}
