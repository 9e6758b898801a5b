package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.WorkListRow;
import org.junit.jupiter.api.Test;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The work list's rows as HTML. */
class WorkListRowsExpressionsTest {

    @Test
    void aRowReadsWithItsLinkAndItsAmountsInRupiah() {
        IExpressionObjectFactory objects = new WorkListRowsExpressions().getExpressionObjectFactory();
        WorkListRowsExpressions.Rows rows = (WorkListRowsExpressions.Rows) objects.buildObject(null, "workListRows");
        WorkListRow row = new WorkListRow(42, 2026, "DISDIK", "Gunung Raya", "Kabupaten Kerinci", "Beasiswa",
                "Beasiswa miskin", new BigDecimal("1000000.00"), new BigDecimal("100000"), new BigDecimal("200000.50"),
                new BigDecimal("300000"), new BigDecimal("50000"), 4);

        assertThat(rows.html(List.of(row), "/alokasi/", true)).isEqualTo("""
                <tr id="work-42"><td><a href="/alokasi/42">42</a></td><td><span>Gunung Raya</span> \
                <span class="small d-block text-nowrap">Kabupaten Kerinci</span></td>\
                <td><span class="cell-clip" title="Beasiswa">Beasiswa</span></td>\
                <td><a class="cell-clip cell-clip-wide" href="/alokasi/42" title="Beasiswa miskin">Beasiswa miskin</a></td>\
                <td>DISDIK</td><td class="text-end text-nowrap">Rp 1.000.000</td>\
                <td class="text-end text-nowrap">Rp 200.000,50</td><td class="text-end text-nowrap">Rp 300.000</td>\
                <td class="text-end text-nowrap">Rp 399.999,50</td></tr>
                """);
        assertThat(rows.html(List.of(row), "/alokasi/", false)).as("an operator's list, without the OPD")
                .doesNotContain("DISDIK");
    }
}
