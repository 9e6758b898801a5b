package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.AllocationRow;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the allocation table ({@code allocation/fragments :: table}, on the allocation list, a kecamatan's
 * page and the dashboards) as they read, made in Java: {@code ${#allocationRows.of(page.content, detailBase)}}.
 * Each cell is then one plain {@code th:text}; the row's labels, amounts, link and badge were some ten message
 * lookups, formats, concatenations and a {@code th:with} per row in the template, a good share of the page.
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
         * {@code @{/alokasi/}}, built once per page.
         */
        public List<Line> of(List<?> allocations, String detailBase) {
            Labels labels = new Labels(messages, LocaleContextHolder.getLocale());
            List<Line> lines = new ArrayList<>(allocations.size());
            for (Object allocation : allocations) {
                if (allocation instanceof AllocationRow a) {
                    lines.add(line(labels, detailBase, a.id(), a.kecamatanName(), a.opdCode(), a.programmeName(),
                            a.mechanism(), a.title(), a.desaName(), a.amount(), a.disbursed(), a.plannedMonth(),
                            a.status()));
                } else if (allocation instanceof AllocationView a) {
                    lines.add(line(labels, detailBase, a.id(), a.kecamatanName(), a.opdCode(), a.programmeName(),
                            a.mechanism(), a.title(), a.desaName(), a.amount(), a.disbursed(), a.plannedMonth(),
                            a.status()));
                } else {
                    throw new IllegalArgumentException("not an allocation: " + allocation);
                }
            }
            return lines;
        }

        private static Line line(Labels labels, String detailBase, long id, String kecamatan, String opd,
                                 String programme, Mechanism mechanism, String title, String desa, BigDecimal amount,
                                 BigDecimal disbursed, int plannedMonth, AllocationStatus status) {
            String number = Long.toString(id);
            return new Line("allocation-" + number, detailBase + number, number, kecamatan, opd, programme,
                    labels.of("mechanism." + mechanism), title, desa, Rupiah.format(amount), Rupiah.format(disbursed),
                    labels.of("month." + plannedMonth), labels.of("allocation.status." + status),
                    status == AllocationStatus.ACTIVE ? "badge text-bg-success" : "badge text-bg-secondary");
        }
    }

    /** One row as the table shows it: every text ready for one {@code th:text}. */
    public record Line(String rowId, String link, String number, String kecamatan, String opd, String programme,
                       String mechanism, String title, String desa, String amount, String disbursed, String month,
                       String status, String badgeClass) {
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
