package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearOpened;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.PaguChanged;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The allocation module alone, its neighbours stood in for: the envelopes follow the fiscal year's events — one
 * per kecamatan when it opens, a new pagu when it changes — and a pagu below what a kecamatan already holds is
 * refused; what disbursements spend moves allocations and envelopes together, all or nothing. The year's row
 * is written here as the programme module would. Each test rolls back; fiscal year 2053
 * belongs to this class.
 */
@ApplicationModuleTest
@Transactional
class AllocationModuleTest {

    private static final int YEAR = 2053;
    private static final BigDecimal TWO_BILLION = new BigDecimal("2000000000.00");

    @MockitoBean
    KecamatanFields kecamatanFields;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    AuditLog auditLog;
    @MockitoBean
    OpdService opds;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    ProgrammeService programmes;
    @MockitoBean
    RegionService regions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Allocations allocations;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void openTheYear() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, ?, 'OPEN', 'uji')",
                YEAR, TWO_BILLION);
        events.publishEvent(new FiscalYearOpened(YEAR, TWO_BILLION));
    }

    @Test
    void anOpenedYearHasAnEnvelopeForEveryKecamatan() {
        List<EnvelopeView> envelopes = envelopes();

        assertThat(envelopes).hasSize(144).allSatisfy(envelope -> {
            assertThat(envelope.pagu()).isEqualByComparingTo(TWO_BILLION);
            assertThat(envelope.allocated()).isEqualByComparingTo("0");
        });
    }

    @Test
    void aNewPaguRepricesEveryEnvelope() {
        events.publishEvent(new PaguChanged(YEAR, new BigDecimal("1500000000")));

        assertThat(envelopes()).extracting(EnvelopeView::pagu).containsOnly(new BigDecimal("1500000000.00"));
    }

    @Test
    void aPaguBelowWhatAKecamatanHoldsIsRefused() {
        jdbc.update("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, '15.01.01', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', 1800000000, 6, 'ACTIVE',
                        'uji', 'uji')""", YEAR);

        assertThatThrownBy(() -> events.publishEvent(new PaguChanged(YEAR, new BigDecimal("1000000000"))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("PAGU_BELOW_ALLOCATED"));
        assertThat(envelopes()).extracting(EnvelopeView::pagu).containsOnly(TWO_BILLION);
    }

    @Test
    void spendingOfSeveralAllocationsMovesEachAndTheirEnvelopesOrNothing() {
        long first = allocation("15.01.01", 500000000);
        long second = allocation("15.01.02", 300000000);

        SystemAuthentication.run(() -> {
            assertThat(allocations.lockAllForRealising(List.of(second, first))).containsOnlyKeys(first, second);
            allocations.recordSpending(List.of(new SpendingChange(first, new BigDecimal("200000000"), new BigDecimal("150000000")),
                    new SpendingChange(second, new BigDecimal("300000000"), BigDecimal.ZERO)));
        });
        assertThat(totals(first)).containsExactly(new BigDecimal("200000000.00"), new BigDecimal("150000000.00"));
        assertThat(totals(second)).containsExactly(new BigDecimal("300000000.00"), new BigDecimal("0.00"));
        assertThat(realised("15.01.01")).isEqualByComparingTo("150000000");

        assertThatThrownBy(() -> SystemAuthentication.run(() -> allocations.recordSpending(List.of(
                new SpendingChange(first, new BigDecimal("100000000"), new BigDecimal("100000000")),
                new SpendingChange(second, new BigDecimal("1"), BigDecimal.ZERO)))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("ALLOCATION_EXCEEDED"));
        assertThat(totals(first)).containsExactly(new BigDecimal("200000000.00"), new BigDecimal("150000000.00"));
        assertThat(realised("15.01.01")).isEqualByComparingTo("150000000");
    }

    private long allocation(String kecamatanCode, long amount) {
        return jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, ?, 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', ?, 6, 'ACTIVE', 'uji', 'uji')
                returning id""", Long.class, YEAR, kecamatanCode, amount);
    }

    private List<BigDecimal> totals(long allocationId) {
        return jdbc.queryForObject("select disbursed, realised from allocation where id = ?",
                (rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)), allocationId);
    }

    private BigDecimal realised(String kecamatanCode) {
        return jdbc.queryForObject("select realised from envelope where fiscal_year = ? and kecamatan_code = ?",
                BigDecimal.class, YEAR, kecamatanCode);
    }

    private List<EnvelopeView> envelopes() {
        AtomicReference<List<EnvelopeView>> read = new AtomicReference<>();
        SystemAuthentication.run(() -> read.set(allocations.envelopes(YEAR, null)));
        return read.get();
    }
}
