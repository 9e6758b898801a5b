package id.go.jambiprov.dumisake.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows of a table as HTML: attributes in pairs, a null one left out, texts escaped. */
class HtmlRowsTest {

    @Test
    void writesARowWithoutTheAttributesThatAreNull() {
        String html = new HtmlRows(1).row(null).open("td", "class", null, "title", "a & b").text(null).close("td")
                .cell("x", "<i>").endRow().toString();

        assertThat(html).isEqualTo("<tr><td title=\"a &amp; b\"></td><td class=\"x\">&lt;i&gt;</td></tr>\n");
    }

    @Test
    void refusesAnAttributeWithoutItsValue() {
        assertThatThrownBy(() -> new HtmlRows(1).open("a", "href"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
    }
}
