package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.AllocationRow;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.HtmlRows;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the allocation table ({@code allocation/fragments :: table}, on the allocation list, a kecamatan's
 * page and the dashboards) as HTML written in Java ({@link HtmlRows}):
 * {@code th:utext="${#allocationRows.html(page.content, detailBase, showKecamatan)}"}. The row's labels, amounts,
 * link and badge were some ten message lookups, formats and concatenations per row in the template, then fourteen
 * processed attributes per row.
 */
@Component
public class AllocationRowsExpressions extends TemplateObjects {

    AllocationRowsExpressions(MessageSource messages) {
        super("dumisake-allocation-rows", Map.of("allocationRows", new Rows(messages)));
    }

    /** The object behind {@code #allocationRows}; public, as templates call it. */
    public static final class Rows {

        private final MessageSource messages;

        Rows(MessageSource messages) {
            this.messages = messages;
        }

        /**
         * The rows of a page of {@link AllocationRow}s (the list) or {@link AllocationView}s (the dashboards), in
         * the page's language; {@code detailBase} is the link to an allocation without its number,
         * {@code @{/alokasi/}}, built once per page; the kecamatan column only where the table has one.
         */
        public String html(List<?> allocations, String detailBase, boolean showKecamatan) {
            Labels labels = new Labels(messages, LocaleContextHolder.getLocale());
            HtmlRows html = new HtmlRows(allocations.size());
            for (Object allocation : allocations) {
                if (allocation instanceof AllocationRow a) {
                    row(html, labels, detailBase, showKecamatan, a.id(), a.kecamatanName(), a.opdCode(),
                            a.programmeName(), a.mechanism(), a.title(), a.desaName(), a.amount(), a.disbursed(),
                            a.plannedMonth(), a.status());
                } else if (allocation instanceof AllocationView a) {
                    row(html, labels, detailBase, showKecamatan, a.id(), a.kecamatanName(), a.opdCode(),
                            a.programmeName(), a.mechanism(), a.title(), a.desaName(), a.amount(), a.disbursed(),
                            a.plannedMonth(), a.status());
                } else {
                    throw new IllegalArgumentException("not an allocation: " + allocation);
                }
            }
            return html.toString();
        }

        private static void row(HtmlRows html, Labels labels, String detailBase, boolean showKecamatan, long id,
                                String kecamatan, String opd, String programme, Mechanism mechanism, String title,
                                String desa, BigDecimal amount, BigDecimal disbursed, int plannedMonth,
                                AllocationStatus status) {
            String number = Long.toString(id);
            String link = detailBase + number;
            String mechanismName = labels.of("mechanism." + mechanism);
            html.row("allocation-" + number)
                    .open("td").open("a", "href", link).text(number).close("a").close("td");
            if (showKecamatan) {
                html.cell(null, kecamatan);
            }
            html.cell(null, opd)
                    .open("td")
                    .open("span", "class", "cell-clip", "title", programme).text(programme).close("span").space()
                    .open("span", "class", "small cell-clip", "title", mechanismName).text(mechanismName)
                    .close("span").close("td")
                    .open("td")
                    .open("a", "class", "cell-clip cell-clip-wide", "href", link, "title", title).text(title)
                    .close("a");
            if (desa != null) {
                html.space().open("span", "class", "small d-block").text(desa).close("span");
            }
            html.close("td")
                    .cell("text-end text-nowrap", Rupiah.format(amount))
                    .cell("text-end text-nowrap", Rupiah.format(disbursed))
                    .cell(null, labels.of("month." + plannedMonth))
                    .open("td")
                    .open("span", "class", status == AllocationStatus.ACTIVE
                            ? "badge text-bg-success" : "badge text-bg-secondary")
                    .text(labels.of("allocation.status." + status)).close("span")
                    .close("td")
                    .endRow();
        }
    }

    /** The few labels a page of rows needs (mechanisms, months, statuses), each looked up once per page. */
    private static final class Labels {

        private final MessageSource messages;
        private final Locale locale;
        private final Map<String, String> read = new HashMap<>();

        Labels(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        String of(String key) {
            return read.computeIfAbsent(key, k -> messages.getMessage(k, null, locale));
        }
    }
}
