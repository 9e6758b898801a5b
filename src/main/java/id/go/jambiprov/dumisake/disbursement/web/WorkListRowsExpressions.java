package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.WorkListRow;
import id.go.jambiprov.dumisake.shared.HtmlRows;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The rows of the work list as HTML written in Java ({@link HtmlRows}):
 * {@code th:utext="${#workListRows.html(page.content, allocationBase, showOpd)}"}. The four amounts, the link and
 * the row's id were formats and concatenations per row in the template, then ten processed attributes per row.
 */
@Component
public class WorkListRowsExpressions extends TemplateObjects {

    WorkListRowsExpressions() {
        super("dumisake-work-list-rows", Map.of("workListRows", new Rows()));
    }

    /** The object behind {@code #workListRows}; public, as templates call it. */
    public static final class Rows {

        private Rows() {
        }

        /**
         * {@code allocationBase} is the link to an allocation without its number, {@code @{/alokasi/}}; the OPD
         * column only where the list shows one (not to an operator, whose list is their OPD's).
         */
        public String html(List<WorkListRow> rows, String allocationBase, boolean showOpd) {
            HtmlRows html = new HtmlRows(rows.size());
            for (WorkListRow r : rows) {
                String number = Long.toString(r.allocationId());
                String link = allocationBase + number;
                html.row("work-" + number)
                        .open("td").open("a", "href", link).text(number).close("a").close("td")
                        .open("td").open("span").text(r.kecamatanName()).close("span").space()
                        .open("span", "class", "small d-block text-nowrap").text(r.kabupatenKotaName()).close("span")
                        .close("td")
                        .open("td").open("span", "class", "cell-clip", "title", r.programmeName())
                        .text(r.programmeName()).close("span").close("td")
                        .open("td").open("a", "class", "cell-clip cell-clip-wide", "href", link, "title", r.title())
                        .text(r.title()).close("a").close("td");
                if (showOpd) {
                    html.cell(null, r.opdCode());
                }
                html.cell("text-end text-nowrap", Rupiah.format(r.allocated()))
                        .cell("text-end text-nowrap", Rupiah.format(r.submitted()))
                        .cell("text-end text-nowrap", Rupiah.format(r.verified()))
                        .cell("text-end text-nowrap", Rupiah.format(r.remaining()))
                        .endRow();
            }
            return html.toString();
        }
    }
}
