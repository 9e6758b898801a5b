package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.notification.Notifications;
import id.go.jambiprov.dumisake.obstacle.Obstacles;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.region.RegionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A restart on a database that holds the demo already (a national one: 440,000 active allocations in the demo years)
 * must not read the demo years' allocations or disbursements: each demo runner asks one cheap question and stops.
 * And the few allocations the demo's people need are found a page at a time, not from the whole year.
 */
class DemoRestartTest {

    private final Allocations allocations = mock(Allocations.class);
    private final Disbursements disbursements = mock(Disbursements.class);
    private final ProgressReports progress = mock(ProgressReports.class);
    private final Beneficiaries beneficiaries = mock(Beneficiaries.class);
    private final DemoUsers users = mock(DemoUsers.class);

    @BeforeEach
    void signedInAsAnyone() {
        when(users.as(anyString(), any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(1)).get());
        when(allocations.totals(any())).thenReturn(new AllocationTotals(220_000, new BigDecimal("4E14"),
                new BigDecimal("1E14"), new BigDecimal("8E13")));
    }

    @Test
    void disbursementsAreTherePerTheKeptTotals() {
        new DemoDisbursements(allocations, disbursements, users, Clock.systemUTC()).run(null);

        verify(allocations, times(1)).totals(new AllocationFilter(2025, null, null, null, null, null,
                AllocationStatus.ACTIVE));
        verify(allocations, never()).forEach(any(), any());
        verify(disbursements, never()).takeOver(any());
    }

    @Test
    void progressIsThereWithoutReadingTheAllocations() {
        when(progress.anyOfYear(2025)).thenReturn(true);

        new DemoProgress(allocations, progress, mock(ProgrammeService.class), mock(OpdService.class), users,
                Clock.systemUTC()).run(null);

        verify(allocations, never()).forEach(any(), any());
        verify(progress, never()).figures(anyInt());
        verify(progress, never()).takeOver(any());
    }

    @Test
    void peopleAreThereWithoutReadingTheAid() {
        when(beneficiaries.anyAidOfYear(eq(2026), any())).thenReturn(true);

        new DemoBeneficiaries(allocations, beneficiaries, mock(RegionService.class), users).run(null);
        new DemoTargeting(allocations, beneficiaries, mock(RegionService.class), users).run(null);

        verify(beneficiaries, never()).aidOfYear(anyInt());
        verify(allocations, never()).forEach(any(), any());
        verify(allocations, never()).search(any(), any());
    }

    @Test
    void obstaclesAreThereWithoutReadingTheAllocations() {
        Obstacles obstacles = mock(Obstacles.class);
        when(obstacles.search(any(), any())).thenReturn(new PageImpl<>(List.of(), PageRequest.of(0, 1), 18));

        new DemoObstacles(allocations, obstacles, mock(OpdService.class), users, Clock.systemUTC()).run(null);

        verify(allocations, never()).forEach(any(), any());
        verify(obstacles, never()).raise(any());
    }

    @Test
    void theInboxIsThereEvenWhenTheAdminReadItAll() {
        Notifications notifications = mock(Notifications.class);
        when(notifications.hasAny("admin")).thenReturn(true);
        when(notifications.unreadCount("admin")).thenReturn(0L);

        new DemoNotifications(allocations, disbursements, notifications, mock(ApplicationEventPublisher.class), users,
                Clock.systemUTC()).run(null);

        verify(disbursements, never()).forEach(anyInt(), any(), any(), any());
        verify(allocations, never()).forEach(any(), any());
        verify(notifications, never()).remindMissingReports(any());
    }

    @Test
    void theDemoPeopleNeedOnePageOfAllocations() {
        List<AllocationView> first = LongStream.rangeClosed(1, 100).mapToObj(DemoRestartTest::allocation).toList();
        when(allocations.search(any(), any())).thenAnswer(call -> new PageImpl<>(first, call.getArgument(1),
                220_000));

        List<AllocationView> picked = DemoPicks.firstAllocations(allocations, 2026, "DISDIK", Mechanism.BELANJA_OPD,
                new BigDecimal("50000000"), 10);

        assertThat(picked).extracting(AllocationView::id).containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L);
        verify(allocations, times(1)).search(any(), any(Pageable.class));
        verify(allocations, never()).forEach(any(), any());
    }

    /** A fill reads an OPD's year a page at a time, and each allocation keeps its place in the id order. */
    @Test
    void aFillReadsAPageAtATimeAndKeepsThePlaces() {
        List<AllocationView> all = LongStream.rangeClosed(1, 2_500).mapToObj(DemoRestartTest::allocation).toList();
        when(allocations.search(any(), any())).thenAnswer(call -> {
            Pageable pageable = call.getArgument(1);
            int from = (int) pageable.getOffset();
            return new PageImpl<>(all.subList(from, Math.min(all.size(), from + pageable.getPageSize())), pageable,
                    all.size());
        });
        List<String> seen = new ArrayList<>();

        DemoPicks.eachOfOpd(allocations, 2026, "DISDIK", (allocation, index) -> seen.add(allocation.id() + "@" + index));

        assertThat(seen).hasSize(2_500).startsWith("1@0", "2@1").endsWith("2500@2499");
        verify(allocations, times(2)).search(any(), any(Pageable.class));
        verify(allocations, never()).forEach(any(), any());
    }

    /** Every other one too small for the demo's people. */
    private static AllocationView allocation(long id) {
        BigDecimal amount = new BigDecimal(id % 2 == 0 ? "75000000" : "25000000");
        return new AllocationView(id, 2026, "15.01.01", null, null, null, "DISDIK", null, null, null, null,
                Mechanism.BELANJA_OPD, null, null, null, amount, 3, AllocationStatus.ACTIVE, BigDecimal.ZERO,
                BigDecimal.ZERO, null, null, null, null, null, 0);
    }
}
