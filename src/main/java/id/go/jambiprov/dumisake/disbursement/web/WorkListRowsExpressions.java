package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.WorkListRow;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of the work list as they read, made in Java: {@code ${#workListRows.of(page.content, allocationBase)}}.
 * Each cell is then one plain {@code th:text}; the four amounts, the link and the row's id were formats,
 * concatenations and a {@code th:with} per row in the template.
 */
@Component
public class WorkListRowsExpressions extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "workListRows";
    private static final Rows ROWS = new Rows();

    WorkListRowsExpressions() {
        super("dumisake-work-list-rows");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return ROWS;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
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
