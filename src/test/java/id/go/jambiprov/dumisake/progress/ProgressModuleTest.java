package id.go.jambiprov.dumisake.progress;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The progress module alone, its neighbours stood in for: reports and outputs are written to the real tables and
 * audited through the audit trail's API, on an allocation of fiscal year 2054 written here; "today" is 15 June
 * 2054 (WIB). Each test rolls back.
 */
@ApplicationModuleTest
@Transactional
@Import(ProgressModuleTest.June2054.class)
class ProgressModuleTest {

    private static final int YEAR = 2054;
    private static final DumisakeUser OPERATOR = new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR,
            "DISDIK", true, "x");

    @TestConfiguration(proxyBeanMethods = false)
    static class June2054 {
        @Bean
        @Primary
        Clock june2054() {
            return Clock.fixed(LocalDateTime.of(YEAR, 6, 15, 10, 0).atZone(JambiTime.ZONE).toInstant(), JambiTime.ZONE);
        }
    }

    @MockitoBean
    Allocations allocations;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    ProgrammeService programmes;
    @MockitoBean
    AuditTrail audit;

    @Autowired
    ProgressReports progress;

    @Autowired
    JdbcTemplate jdbc;

    private long allocationId;

    @BeforeEach
    void anAllocationOfDisdikSignedInAsItsOperator() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji')",
                YEAR);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (?, '15.01.01', 2000000000)", YEAR);
        allocationId = jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, '15.01.01', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', 500000000, 3, 'ACTIVE',
                        'uji', 'uji') returning id""", Long.class, YEAR);
        when(allocations.get(allocationId)).thenReturn(view(allocationId));
        when(allocations.getAll(any())).thenAnswer(call -> Map.of(allocationId, view(allocationId)));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(OPERATOR, null, OPERATOR.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void allocationsWithoutOutputTargetAreCountedAsTheActiveOnesLessThoseWithATargetInEveryScope() {
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (?, '15.02.01', 2000000000)", YEAR);
        long withTarget = anotherAllocation("15.01.01", "DISDIK", 4, "ACTIVE");
        anotherAllocation("15.02.01", "DISDIK", 2, "ACTIVE");
        anotherAllocation("15.02.01", "DINKES", 1, "ACTIVE");
        anotherAllocation("15.01.01", "DINKES", 5, "ACTIVE");
        long cancelled = anotherAllocation("15.01.01", "DISDIK", 1, "ACTIVE");
        jdbc.update("update allocation set status = 'CANCELLED', cancel_reason = 'Uji' where id = ?", cancelled);
        // two targets of one allocation still make it one allocation with a target
        jdbc.update("""
                insert into allocation_output (allocation_id, name, unit, target)
                values (?, 'Siswa', 'siswa', 10), (?, 'Sekolah', 'unit', 2)""", withTarget, withTarget);

        for (DumisakeUser user : List.of(OPERATOR, SignedIn.ADMIN, SignedIn.OPERATOR_DINKES)) {
            for (String kabupatenKota : Arrays.asList(null, "15.01", "15.02")) {
                Page<MissingOutputTarget> page = SignedIn.as(user,
                        () -> progress.withoutOutputTargets(YEAR, kabupatenKota, PageRequest.of(0, 2)));
                List<Long> expected = jdbc.queryForList("""
                        select a.id from allocation a
                        where a.fiscal_year = ? and a.status = 'ACTIVE'
                          and not exists (select 1 from allocation_output o where o.allocation_id = a.id)
                          and (cast(? as varchar) is null or a.opd_code = ?)
                          and (cast(? as varchar) is null or left(a.kecamatan_code, 5) = ?)
                        order by a.planned_month, a.amount desc, a.id""", Long.class, YEAR, user.opdScope(),
                        user.opdScope(), kabupatenKota, kabupatenKota);
                assertThat(page.getTotalElements()).as("%s %s", user.getUsername(), kabupatenKota)
                        .isEqualTo(expected.size());
                assertThat(page.getContent()).extracting(MissingOutputTarget::allocationId).as("%s %s", user.getUsername(), kabupatenKota)
                        .containsExactlyElementsOf(expected.subList(0, Math.min(2, expected.size())));
            }
        }
    }

    @Test
    void theMonthsFirstSaveCreatesItsReportAndASaveWithTheVersionReadChangesIt() {
        long output = progress.setOutputs(allocationId, List.of(target("Siswa penerima", "siswa", "200"))).get(0).id();

        SavedReport first = progress.save(allocationId, report(4, "30", null, null, new AchievedOutput(output, new BigDecimal("50"))));
        assertThat(first.created()).isTrue();
        assertThat(first.report().outputs()).singleElement().satisfies(o -> assertThat(o.achieved()).isEqualByComparingTo("50"));

        SavedReport changed = progress.save(allocationId, report(4, "35", null, first.report().version(),
                new AchievedOutput(output, new BigDecimal("60"))));
        assertThat(changed.created()).isFalse();
        assertThat(changed.report().id()).isEqualTo(first.report().id());
        assertThat(changed.report().physicalPercent()).isEqualByComparingTo("35");
        assertThat(progress.outputs(allocationId)).singleElement()
                .satisfies(o -> assertThat(o.achieved()).isEqualByComparingTo("60"));
        verify(audit).record(eq("PROGRESS_REPORT_CREATED"), eq("ProgressReport"), eq(first.report().id()), isNull(),
                any());
        verify(audit).record(eq("PROGRESS_REPORT_EDITED"), eq("ProgressReport"), eq(first.report().id()),
                argThat(before -> before != null
                        && new BigDecimal("30").compareTo((BigDecimal) ((Map<?, ?>) before).get("physicalPercent")) == 0),
                argThat(after -> "Siswa penerima: 60 siswa".equals(((Map<?, ?>) after).get("outputsAchieved"))));
    }

    @Test
    void aFirstSaveOfAMonthThatHasAReportAndAStaleChangeAreConflicts() {
        SavedReport first = progress.save(allocationId, report(4, "30", null, null));
        assertThatThrownBy(() -> progress.save(allocationId, report(4, "31", null, null)))
                .isInstanceOf(StaleVersionException.class);
        progress.save(allocationId, report(4, "32", null, first.report().version()));
        assertThatThrownBy(() -> progress.save(allocationId, report(4, "33", null, first.report().version())))
                .isInstanceOf(StaleVersionException.class);
        assertThat(progress.reports(allocationId)).singleElement()
                .satisfies(r -> assertThat(r.physicalPercent()).isEqualByComparingTo("32"));
    }

    @Test
    void progressGoesDownOnlyWithAReasonAndARefusalWritesNothing() {
        progress.save(allocationId, report(4, "40", null, null));
        assertThatThrownBy(() -> progress.save(allocationId, report(5, "35", " ", null)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("PROGRESS_DECREASE_NEEDS_REASON"));
        assertThat(progress.reports(allocationId)).hasSize(1);

        SavedReport corrected = progress.save(allocationId, report(5, "35", "Opname ulang: bulan April terhitung ganda", null));
        assertThat(corrected.report().correctionReason()).isEqualTo("Opname ulang: bulan April terhitung ganda");
        assertThatThrownBy(() -> progress.save(allocationId, report(5, "30", null, corrected.report().version())))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("progress.rule.belowPreviousMonth"));
    }

    @Test
    void noReportForAFutureMonthNorForAClosedMonth() {
        assertThatThrownBy(() -> progress.save(allocationId, report(7, "10", null, null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("MONTH_IN_FUTURE"));
        SavedReport april = progress.save(allocationId, report(4, "10", null, null));
        progress.save(allocationId, report(5, "20", null, null));
        assertThatThrownBy(() -> progress.save(allocationId, report(4, "15", null, april.report().version())))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("MONTH_CLOSED"));
        assertThatThrownBy(() -> progress.save(allocationId, report(3, "5", null, null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("MONTH_CLOSED"));
        assertThat(progress.reports(allocationId)).extracting(ProgressReportView::month, ProgressReportView::closed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, false), org.assertj.core.groups.Tuple.tuple(4, true));
    }

    @Test
    void aReportCarriesTheYearOfItsAllocationAndNoOther() {
        String insert = """
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by,
                                             updated_by)
                values (?, ?, 1, 10, 'psql', 'psql')""";
        assertThatThrownBy(() -> jdbc.update(insert, allocationId, YEAR - 1))
                .hasStackTraceContaining("progress_report_allocation_fkey");
        assertThatThrownBy(() -> jdbc.update(insert, -1L, YEAR))
                .hasStackTraceContaining("progress_report_allocation_fkey");
    }

    @Test
    void aClosedYearTakesNoReportAndNoTarget() {
        doThrow(new BusinessRuleException("FISCAL_YEAR_CLOSED", "fiscalYear.closed", YEAR))
                .when(fiscalYears).requireOpen(YEAR);
        assertThatThrownBy(() -> progress.save(allocationId, report(4, "10", null, null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("FISCAL_YEAR_CLOSED"));
        assertThatThrownBy(() -> progress.setOutputs(allocationId, List.of(target("Siswa", "siswa", "5"))))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(jdbc.queryForObject("select count(*) from progress_report where allocation_id = ?", Long.class,
                allocationId)).isZero();
        verify(audit, never()).record(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void targetsAreReplacedAsAListButAReportedOneStays() {
        List<OutputView> set = progress.setOutputs(allocationId, List.of(target("Siswa penerima", "siswa", "200"),
                target("Sekolah mitra", "unit", "4")));
        progress.save(allocationId, report(4, "20", null, null, new AchievedOutput(set.get(0).id(), BigDecimal.TEN)));

        assertThatThrownBy(() -> progress.setOutputs(allocationId, List.of(target("Sekolah mitra", "unit", "4"))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("OUTPUT_REPORTED"));
        List<OutputView> changed = progress.setOutputs(allocationId, List.of(
                new OutputTarget(set.get(0).id(), "Siswa penerima", "siswa", new BigDecimal("250"), set.get(0).version())));
        assertThat(changed).singleElement().satisfies(o -> {
            assertThat(o.target()).isEqualByComparingTo("250");
            assertThat(o.achieved()).isEqualByComparingTo("10");
        });
        assertThat(progress.latest(allocationId).outputsMissing()).isFalse();
        verify(audit).record(eq("OUTPUT_TARGETS_SET"), eq("OutputTargets"), eq(allocationId),
                argThat(before -> before != null && "Siswa penerima: 200 siswa; Sekolah mitra: 4 unit".equals(((Map<?, ?>) before).get("outputs"))),
                argThat(after -> "Siswa penerima: 250 siswa".equals(((Map<?, ?>) after).get("outputs"))));
    }

    @Test
    void aLaterTrancheWaitsForTheProgrammesMinimumInTheLatestReport() {
        when(programmes.get("BANTUAN-PENDIDIKAN")).thenReturn(new ProgrammeView("BANTUAN-PENDIDIKAN", "Bantuan",
                Pillar.CERDAS, "DISDIK", true, null, new BigDecimal("60"), 0));
        assertThatThrownBy(() -> progress.requireProgressForTranche(allocationId, 2))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("progress.tranche.noReport"));
        progress.save(allocationId, report(5, "40", null, null));
        assertThatThrownBy(() -> progress.requireProgressForTranche(allocationId, 2))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("PROGRESS_TOO_LOW");
                    assertThat(e.details()).containsEntry("latestMonth", YEAR + "-05");
                });
        progress.requireProgressForTranche(allocationId, 1);
        progress.save(allocationId, report(6, "60", null, null));
        progress.requireProgressForTranche(allocationId, 2);
    }

    @Test
    void aTakeOverKeepsTheRulesOfReportsWrittenByHand() {
        OffsetDateTime at = OffsetDateTime.parse("2054-05-31T15:00:00+07:00");
        PastProgress goingDown = new PastProgress(allocationId, List.of(target("Siswa", "siswa", "10")), List.of(
                new PastProgress.PastReport(4, new BigDecimal("50"), List.of(new BigDecimal("5")), null, null, at, "op-disdik"),
                new PastProgress.PastReport(5, new BigDecimal("45"), List.of(new BigDecimal("5")), null, null, at, "op-disdik")));
        assertThatThrownBy(() -> progress.takeOver(List.of(goingDown)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("PROGRESS_DECREASE_NEEDS_REASON"));
        assertThat(progress.outputs(allocationId)).isEmpty();

        PastProgress fine = new PastProgress(allocationId, List.of(target("Siswa", "siswa", "10")), List.of(
                new PastProgress.PastReport(4, new BigDecimal("50"), List.of(new BigDecimal("5")), "Mulai", null, at, "op-disdik"),
                new PastProgress.PastReport(5, new BigDecimal("70"), List.of(new BigDecimal("7")), null, null, at, "op-disdik")));
        assertThat(progress.takeOver(List.of(fine))).isEqualTo(2);
        assertThat(progress.outputs(allocationId)).singleElement()
                .satisfies(o -> assertThat(o.achieved()).isEqualByComparingTo("7"));
        verify(audit).recordCreated(eq("PROGRESS_REPORT_CREATED"), eq("ProgressReport"), argThat(m -> m.size() == 2));
        assertThatThrownBy(() -> progress.takeOver(List.of(fine)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("PROGRESS_EXISTS"));
    }

    private static OutputTarget target(String name, String unit, String volume) {
        return new OutputTarget(null, name, unit, new BigDecimal(volume), null);
    }

    private static ReportRequest report(int month, String percent, String reason, Long version,
                                        AchievedOutput... outputs) {
        return new ReportRequest(month, new BigDecimal(percent), List.of(outputs), "Uji", reason, version);
    }

    private long anotherAllocation(String kecamatan, String opd, int plannedMonth, String status) {
        return jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, ?, ?, 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', 100000000, ?, ?, 'uji', 'uji')
                returning id""", Long.class, YEAR, kecamatan, opd, plannedMonth, status);
    }

    private static AllocationView view(long id) {
        OffsetDateTime now = OffsetDateTime.now();
        return new AllocationView(id, YEAR, "15.01.01", "Gunung Raya", "15.01", "Kerinci", "DISDIK", "Dinas Pendidikan",
                "BANTUAN-PENDIDIKAN", "Bantuan pendidikan", Pillar.CERDAS, Mechanism.BELANJA_OPD, null, null, "Uji",
                new BigDecimal("500000000"), 3, AllocationStatus.ACTIVE, BigDecimal.ZERO, BigDecimal.ZERO, null, now,
                "uji", now, "uji", 0);
    }
}
