package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.SpendingChange;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The disbursement module alone, the allocation module stood in for: what a disbursement moves is told to the
 * allocations through their API, in one call per allocation, and a refused take-over tells them nothing. The
 * allocation row the disbursements refer to is written here; each test rolls back. Fiscal year 2019 belongs to
 * this class (SP2D dates must lie in the past).
 */
@ApplicationModuleTest
@Transactional
class DisbursementModuleTest {

    private static final int YEAR = 2019;
    private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2019-05-02T10:00:00+07:00");

    @MockitoBean
    KecamatanFields kecamatanFields;
    @MockitoBean
    Allocations allocations;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    AuditLog auditLog;
    @MockitoBean
    OpdService opds;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    RegionService regions;
    @MockitoBean
    ProgressReports progress;

    @Autowired
    Disbursements disbursements;

    @Autowired
    JdbcTemplate jdbc;

    private long allocationId;

    @BeforeEach
    void anAllocationOfFiveHundredMillion() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji')",
                YEAR);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (?, '15.01.01', 2000000000)", YEAR);
        allocationId = jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, '15.01.01', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', 500000000, 5, 'ACTIVE',
                        'uji', 'uji') returning id""", Long.class, YEAR);
        when(allocations.lockForRealising(allocationId)).thenReturn(view(allocationId));
        when(allocations.lockAllForRealising(anyCollection())).thenReturn(Map.of(allocationId, view(allocationId)));
    }

    @Test
    void aTakeOverTellsTheAllocationWhatItCountsAndRealises() {
        SystemAuthentication.run(() -> disbursements.takeOver(List.of(
                past(1, "200000000", DisbursementStatus.VERIFIED, "admin-lama"),
                past(2, "100000000", DisbursementStatus.SUBMITTED, null),
                past(3, "50000000", DisbursementStatus.REJECTED, "admin-lama"))));

        verify(allocations).recordSpending(argThat((List<SpendingChange> changes) -> changes.size() == 1
                && changes.get(0).allocationId() == allocationId
                && changes.get(0).disbursedChange().compareTo(new BigDecimal("300000000")) == 0
                && changes.get(0).realisedChange().compareTo(new BigDecimal("200000000")) == 0));
        verify(audit).recordCreated(eq("DISBURSEMENT_TAKEN_OVER"), eq("Disbursement"), anyMap());
        assertThat(jdbc.queryForObject("select count(*) from disbursement where allocation_id = ?", Long.class,
                allocationId)).isEqualTo(3);
    }

    @Test
    void aSubmitterWhoDecidesTheirOwnIsRefusedBeforeTheAllocationHearsOfIt() {
        assertThatThrownBy(() -> SystemAuthentication.run(() -> disbursements.takeOver(List.of(
                past(1, "200000000", DisbursementStatus.VERIFIED, "op-disdik")))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("SUBMITTER_CANNOT_DECIDE"));

        verify(allocations, never()).recordSpending(anyLong(), any(), any());
        verify(allocations, never()).recordSpending(anyList());
        assertThat(jdbc.queryForObject("select count(*) from disbursement where allocation_id = ?", Long.class,
                allocationId)).isZero();
    }

    private PastDisbursement past(int tranche, String amount, DisbursementStatus status, String decidedBy) {
        return new PastDisbursement(allocationId, tranche, new BigDecimal(amount), "UJI/" + allocationId + "/" + tranche,
                LocalDate.of(YEAR, 5, 2), "Tahap " + tranche, status, "op-disdik", SUBMITTED, decidedBy,
                decidedBy == null ? null : SUBMITTED.plusDays(3),
                status == DisbursementStatus.REJECTED ? "SPJ belum lengkap" : null);
    }

    private static AllocationView view(long id) {
        BigDecimal zero = BigDecimal.ZERO;
        return new AllocationView(id, YEAR, "15.01.01", "Gunung Raya", "15.01", "Kabupaten Kerinci", "DISDIK",
                "Dinas Pendidikan Provinsi Jambi", "BANTUAN-PENDIDIKAN", "Bantuan pendidikan", Pillar.CERDAS,
                Mechanism.BELANJA_OPD, null, null, "Uji", new BigDecimal("500000000"), 5, AllocationStatus.ACTIVE,
                zero, zero, null, SUBMITTED, "uji", SUBMITTED, "uji", 0);
    }
}
