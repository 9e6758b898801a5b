package id.go.jambiprov.dumisake.obstacle;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The obstacle module alone on the embedded database, its neighbours stood in for: an obstacle's whole life as
 * the people concerned live it, the events the expert team and the OPD hear of it by, and what each role may not do.
 * The allocation row the obstacles refer to is written here; each test rolls back. Fiscal year 2047 is this class's.
 */
@ApplicationModuleTest
@Transactional
class ObstacleModuleTest {

    private static final int YEAR = 2047;
    private static final LocalDate SINCE = LocalDate.of(2026, 3, 2);

    @MockitoBean
    Allocations allocations;
    @MockitoBean
    FiscalYearService fiscalYears;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    OpdService opds;
    @MockitoBean
    RegionService regions;
    @MockitoBean
    KecamatanFields kecamatanFields;

    @Autowired
    Obstacles obstacles;

    @Autowired
    JdbcTemplate jdbc;

    private long allocationId;

    @BeforeEach
    void aDisdikAllocation() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji')",
                YEAR);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (?, '15.01.01', 2000000000)", YEAR);
        allocationId = jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, '15.01.01', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Bantuan seragam', 500000000, 5,
                        'ACTIVE', 'uji', 'uji') returning id""", Long.class, YEAR);
        when(allocations.get(allocationId)).thenReturn(view(allocationId, AllocationStatus.ACTIVE));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void raisedFollowedUpEscalatedCommentedAndResolved(PublishedEvents events) {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        ObstacleDetails raised = obstacles.raise(new NewObstacle(allocationId, ObstacleCategory.PENGADAAN,
                "Gagal lelang", SINCE, null));
        long id = raised.id();
        assertThat(raised.status()).isEqualTo(ObstacleStatus.OPEN);
        assertThat(raised.opdCode()).isEqualTo("DISDIK");
        assertThat(raised.kecamatanCode()).isEqualTo("15.01.01");
        assertThat(raised.year()).isEqualTo(YEAR);

        ObstacleDetails followedUp = obstacles.followUp(id, new NewFollowUp("Tender ulang", "Pokja UKPBJ",
                SINCE.plusDays(30)), raised.version());
        assertThat(followedUp.status()).isEqualTo(ObstacleStatus.IN_FOLLOW_UP);
        assertThat(followedUp.followUps()).extracting(ObstacleDetails.FollowUp::action).containsExactly("Tender ulang");
        assertThat(followedUp.version()).isGreaterThan(raised.version());

        ObstacleDetails escalated = obstacles.escalate(id, followedUp.version());
        assertThat(escalated.escalatedBy()).isEqualTo("op-disdik");
        assertThat(events.ofType(ObstacleEscalated.class)).singleElement().satisfies(event -> {
            assertThat(event.obstacleId()).isEqualTo(id);
            assertThat(event.allocationId()).isEqualTo(allocationId);
            assertThat(event.fiscalYear()).isEqualTo(YEAR);
            assertThat(event.opdCode()).isEqualTo("DISDIK");
            assertThat(event.kecamatanCode()).isEqualTo("15.01.01");
            assertThat(event.escalatedBy()).isEqualTo("op-disdik");
        });

        SignedIn.as(SignedIn.EXPERT);
        obstacles.comment(id, "Tim ahli mengundang rapat koordinasi");
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        obstacles.comment(id, "Siap, kami hadir");
        assertThat(events.ofType(ObstacleCommented.class)).as("the OPD's own reply tells nobody")
                .singleElement().satisfies(event -> {
                    assertThat(event.commentedBy()).isEqualTo("ahli");
                    assertThat(event.opdCode()).isEqualTo("DISDIK");
                    assertThat(event.description()).isEqualTo("Gagal lelang");
                });

        ObstacleDetails resolved = obstacles.resolve(id, "Kontrak ditandatangani", null);
        assertThat(resolved.status()).isEqualTo(ObstacleStatus.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("op-disdik");
        assertThat(resolved.comments()).extracting(ObstacleDetails.Comment::createdBy).containsExactly("ahli", "op-disdik");

        for (String action : new String[] {"OBSTACLE_RAISED", "OBSTACLE_FOLLOWED_UP", "OBSTACLE_ESCALATED",
                "OBSTACLE_RESOLVED"}) {
            verify(audit).record(eq(action), eq("Obstacle"), eq(id), any(), any());
        }
        verify(audit, times(2)).record(eq("OBSTACLE_COMMENTED"), eq("Obstacle"), eq(id), any(), any());
        assertThatThrownBy(() -> obstacles.escalate(id, null)).isInstanceOfSatisfying(BusinessRuleException.class,
                refused -> assertThat(refused.code()).isEqualTo("OBSTACLE_ALREADY_RESOLVED"));
    }

    @Test
    void anObstacleIsEscalatedOnce(PublishedEvents events) {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        long id = raise();
        obstacles.escalate(id, null);

        assertThatThrownBy(() -> obstacles.escalate(id, null)).isInstanceOfSatisfying(BusinessRuleException.class,
                refused -> assertThat(refused.code()).isEqualTo("ALREADY_ESCALATED"));
        assertThat(events.ofType(ObstacleEscalated.class)).hasSize(1);
    }

    @Test
    void anotherOpdsOperatorFindsNothing() {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        long id = raise();

        SignedIn.as(SignedIn.OPERATOR_DINKES);
        assertThatThrownBy(() -> obstacles.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> obstacles.followUp(id, new NewFollowUp("x", "y", SINCE), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> obstacles.comment(id, "Halo")).isInstanceOf(NotFoundException.class);
        assertThat(obstacles.ofAllocation(allocationId)).isEmpty();
        assertThat(obstacles.search(new ObstacleFilter(YEAR, null, null, null, null, null),
                PageRequest.of(0, 10)).getTotalElements()).isZero();
    }

    @Test
    void theExpertTeamOnlyReadsAndComments() {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        long id = raise();

        SignedIn.as(SignedIn.EXPERT);
        assertThatThrownBy(() -> obstacles.raise(new NewObstacle(allocationId, ObstacleCategory.SDM, "x", SINCE, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> obstacles.followUp(id, new NewFollowUp("x", "y", SINCE), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> obstacles.escalate(id, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> obstacles.resolve(id, "x", null)).isInstanceOf(AccessDeniedException.class);
        assertThat(obstacles.comment(id, "Mohon data pendukung").comments()).hasSize(1);
        assertThat(obstacles.get(id).status()).isEqualTo(ObstacleStatus.OPEN);
    }

    @Test
    void aClosedYearIsReadOnly() {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        long id = raise();
        doThrow(new BusinessRuleException("FISCAL_YEAR_CLOSED", "fiscalYear.closed", YEAR))
                .when(fiscalYears).requireOpen(YEAR);

        assertThatThrownBy(() -> obstacles.followUp(id, new NewFollowUp("x", "y", SINCE), null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("FISCAL_YEAR_CLOSED"));
        assertThatThrownBy(() -> obstacles.raise(new NewObstacle(allocationId, ObstacleCategory.SDM, "x", SINCE, null)))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(obstacles.get(id).followUps()).isEmpty();
        verify(audit, never()).record(eq("OBSTACLE_FOLLOWED_UP"), anyString(), any(), any(), any());
    }

    @Test
    void aStaleVersionIsRefused() {
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        long id = raise();
        long seen = obstacles.get(id).version();
        obstacles.followUp(id, new NewFollowUp("Tender ulang", "Pokja", SINCE), seen);

        assertThatThrownBy(() -> obstacles.resolve(id, "Selesai", seen)).isInstanceOf(StaleVersionException.class);
        assertThat(obstacles.get(id).status()).isEqualTo(ObstacleStatus.IN_FOLLOW_UP);
    }

    @Test
    void aProgressReportOfAnotherAllocationIsNotLinked() {
        long otherAllocation = jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, '15.01.01', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Lain', 100000000, 5,
                        'ACTIVE', 'uji', 'uji') returning id""", Long.class, YEAR);
        long otherReport = report(otherAllocation);
        long ownReport = report(allocationId);
        SignedIn.as(SignedIn.OPERATOR_DISDIK);

        assertThatThrownBy(() -> obstacles.raise(new NewObstacle(allocationId, ObstacleCategory.SDM, "Pergantian PPTK",
                SINCE, otherReport))).isInstanceOfSatisfying(BusinessRuleException.class,
                refused -> assertThat(refused.code()).isEqualTo("REPORT_NOT_OF_ALLOCATION"));
        assertThat(obstacles.raise(new NewObstacle(allocationId, ObstacleCategory.SDM, "Pergantian PPTK", SINCE,
                ownReport)).progressReportId()).isEqualTo(ownReport);
        verify(audit, times(1)).record(eq("OBSTACLE_RAISED"), eq("Obstacle"), any(), isNull(), any());
    }

    private long report(long allocation) {
        return jdbc.queryForObject("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, ?, 3, 10, 'op-disdik', 'op-disdik') returning id""", Long.class, allocation, YEAR);
    }

    private long raise() {
        return obstacles.raise(new NewObstacle(allocationId, ObstacleCategory.DATA_PENERIMA,
                "SK penerima belum ditetapkan", SINCE, null)).id();
    }

    private static AllocationView view(long id, AllocationStatus status) {
        OffsetDateTime now = OffsetDateTime.now();
        return new AllocationView(id, YEAR, "15.01.01", "Gunung Raya", "15.01", "Kerinci", "DISDIK",
                "Dinas Pendidikan", "BANTUAN-PENDIDIKAN", "Bantuan pendidikan", Pillar.CERDAS, Mechanism.BELANJA_OPD,
                null, null, "Bantuan seragam", new BigDecimal("500000000"), 5, status, BigDecimal.ZERO,
                BigDecimal.ZERO, null, now, "uji", now, "uji", 0);
    }
}
