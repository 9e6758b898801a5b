package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.WorkListRow;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of the work list as they read, made in Java: {@code ${#workListRows.of(page.content, allocationBase)}}.
 * Each cell is then one plain {@code th:text}; the four amounts, the link and the row's id were formats,
 * concatenations and a {@code th:with} per row in the template.
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

        /** {@code allocationBase} is the link to an allocation without its number, {@code @{/alokasi/}}. */
        public List<Line> of(List<WorkListRow> rows, String allocationBase) {
            List<Line> lines = new ArrayList<>(rows.size());
            for (WorkListRow r : rows) {
                String number = Long.toString(r.allocationId());
                lines.add(new Line("work-" + number, allocationBase + number, number, r.kecamatanName(),
                        r.kabupatenKotaName(), r.programmeName(), r.title(), r.opdCode(), Rupiah.format(r.allocated()),
                        Rupiah.format(r.submitted()), Rupiah.format(r.verified()), Rupiah.format(r.remaining())));
            }
            return lines;
        }
    }

    /** One row as the work list shows it: every text ready for one {@code th:text}. */
    public record Line(String rowId, String link, String number, String kecamatan, String kabupatenKota,
                       String programme, String title, String opd, String allocated, String submitted,
                       String verified, String remaining) {
    }
}
