package id.go.jambiprov.dumisake.programme;

import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

/**
 * The programme module alone: a fiscal year announces its opening and every change of its pagu as events and
 * knows nothing of the envelopes that follow them. Each test rolls back; fiscal year 2052 belongs to this class.
 */
@ApplicationModuleTest
@Transactional
@WithMockUser(username = "admin", roles = "ADMIN")
class ProgrammeModuleTest {

    private static final int YEAR = 2052;
    private static final BigDecimal TWO_BILLION = new BigDecimal("2000000000.00");

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    OpdService opds;

    @Autowired
    FiscalYearService fiscalYears;

    @Test
    void openingAYearAnnouncesItsPaguPerKecamatan(AssertablePublishedEvents events) {
        FiscalYearView opened = fiscalYears.open(YEAR, TWO_BILLION);

        assertThat(opened.status()).isEqualTo(FiscalYearStatus.OPEN);
        assertThat(events).contains(FiscalYearOpened.class)
                .matching(e -> e.year() == YEAR && e.paguPerKecamatan().compareTo(TWO_BILLION) == 0);
        verify(audit).record(eq("FISCAL_YEAR_OPENED"), eq("FiscalYear"), eq(YEAR), any(), any());
    }

    @Test
    void aNewPaguIsAnnouncedBeforeTheYearTakesIt(AssertablePublishedEvents events) {
        FiscalYearView opened = fiscalYears.open(YEAR, TWO_BILLION);
        BigDecimal lower = new BigDecimal("1500000000.00");

        FiscalYearView changed = fiscalYears.changePagu(YEAR, lower, opened.version());

        assertThat(changed.paguPerKecamatan()).isEqualByComparingTo(lower);
        assertThat(events).contains(PaguChanged.class)
                .matching(e -> e.year() == YEAR && e.newPagu().compareTo(lower) == 0);
    }
}
