package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator of DISDIK writes this month's progress report of one of its 2026 allocations from the allocation's
 * page, is asked for a reason when the figure goes down, and sees the report in the month list. Written in December
 * 2026: the demo reports up to November, so December's report is new.
 */
class ProgressBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOperatorWritesThisMonthsReportAndGivesAReasonOnlyWhenProgressGoesDown() {
        long id = jdbc.queryForObject("""
                select a.id from allocation a
                where a.fiscal_year = 2026 and a.opd_code = 'DISDIK' and a.status = 'ACTIVE'
                  and exists (select 1 from allocation_output o where o.allocation_id = a.id)
                  and exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = 11)
                  and not exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = 12)
                order by a.id desc limit 1""", Long.class);
        loginAsDemo("op-disdik");
        open("/alokasi/" + id);
        waitFor(By.id("latest-progress"));
        assertAccessible();
        submit(By.id("progress-link"));
        assertThat(heading()).startsWith("Kemajuan & keluaran");
        assertAccessible();

        submit(By.id("write-report"));
        assertThat(heading()).startsWith("Laporan kemajuan");
        assertAccessible();
        type(By.id("physicalPercent"), "1");
        submit(By.id("save-report"));
        assertThat(waitFor(By.id("correctionReason-error")).getText()).contains("isi alasan koreksinya");
        assertThat(browser.findElement(By.id("correctionReason")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();

        type(By.id("physicalPercent"), "99,5");
        type(By.id("outputs0.achieved"), "5");
        type(By.id("narrative"), "Penyaluran bantuan hampir selesai.");
        submit(By.id("save-report"));
        assertThat(heading()).startsWith("Kemajuan & keluaran");
        WebElement december = rows("report-table").get(0);
        assertThat(december.getText()).contains("Desember 2026").contains("99,5 %").contains("Foto lapangan");
        screenshot("progress-reports");

        open("/alokasi/" + id + "/keluaran");
        assertThat(heading()).startsWith("Target keluaran");
        assertAccessible();
    }

    private static void type(By field, String text) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
