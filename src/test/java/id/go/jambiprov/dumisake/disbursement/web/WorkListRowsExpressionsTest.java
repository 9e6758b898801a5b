package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.WorkListRow;
import id.go.jambiprov.dumisake.disbursement.web.WorkListRowsExpressions.Line;
import org.junit.jupiter.api.Test;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The work list's rows as they read. */
class WorkListRowsExpressionsTest {

    @Test
    void aRowReadsWithItsLinkAndItsAmountsInRupiah() {
        IExpressionObjectFactory objects = new WorkListRowsExpressions().getExpressionObjectFactory();
        WorkListRowsExpressions.Rows rows = (WorkListRowsExpressions.Rows) objects.buildObject(null, "workListRows");
        WorkListRow row = new WorkListRow(42, 2026, "DISDIK", "Gunung Raya", "Kabupaten Kerinci", "Beasiswa",
                "Beasiswa miskin", new BigDecimal("1000000.00"), new BigDecimal("100000"), new BigDecimal("200000.50"),
                new BigDecimal("300000"), new BigDecimal("50000"), 4);

        assertThat(rows.of(List.of(row), "/alokasi/")).containsExactly(new Line("work-42", "/alokasi/42", "42",
                "Gunung Raya", "Kabupaten Kerinci", "Beasiswa", "Beasiswa miskin", "DISDIK", "Rp 1.000.000",
                "Rp 200.000,50", "Rp 300.000", "Rp 399.999,50"));
    }
}
