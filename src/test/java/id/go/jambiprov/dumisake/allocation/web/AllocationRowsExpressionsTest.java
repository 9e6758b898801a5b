package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.AllocationRow;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.web.AllocationRowsExpressions.Line;
import id.go.jambiprov.dumisake.programme.Pillar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation table's rows as they read, from the list's rows and from the dashboards' views alike. */
class AllocationRowsExpressionsTest {

    private final AllocationRowsExpressions.Rows rows = new AllocationRowsExpressions.Rows(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @AfterEach
    void language() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRowReadsWithItsLabelsAmountsLinkAndBadge() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        AllocationRow row = new AllocationRow(1795, "Gunung Raya", "DISDIK", "Beasiswa", Mechanism.BELANJA_OPD, null,
                "Beasiswa miskin", new BigDecimal("150000000.00"), new BigDecimal("1500.50"), 4,
                AllocationStatus.ACTIVE);

        assertThat(rows.of(List.of(row), "/alokasi/")).containsExactly(new Line("allocation-1795", "/alokasi/1795",
                "1795", "Gunung Raya", "DISDIK", "Beasiswa", "Belanja OPD", "Beasiswa miskin", null, "Rp 150.000.000",
                "Rp 1.500,50", "April", "Aktif", "badge text-bg-success"));
    }

    @Test
    void aDashboardsViewReadsAsTheListsRowInThePagesLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        AllocationView view = new AllocationView(7, 2026, "15.01.01", "Gunung Raya", "15.01", "Kabupaten Kerinci",
                "DISDIK", "Dinas Pendidikan", "BEASISWA", "Beasiswa", Pillar.CERDAS, Mechanism.BELANJA_OPD, "15.01.01.2001",
                "Desa Satu", "Beasiswa miskin", new BigDecimal("2000000"), 12, AllocationStatus.CANCELLED,
                BigDecimal.ZERO, BigDecimal.ZERO, "salah", null, "admin", null, "admin", 3);

        Line line = rows.of(List.of(view), "/app/alokasi/").get(0);

        assertThat(line.link()).isEqualTo("/app/alokasi/7");
        assertThat(line.desa()).isEqualTo("Desa Satu");
        assertThat(line.mechanism()).isEqualTo("Agency spending");
        assertThat(line.status()).isEqualTo("Cancelled");
        assertThat(line.badgeClass()).isEqualTo("badge text-bg-secondary");
        assertThat(line.amount()).isEqualTo("Rp 2.000.000");
        assertThat(line.disbursed()).isEqualTo("Rp 0");
    }
}
