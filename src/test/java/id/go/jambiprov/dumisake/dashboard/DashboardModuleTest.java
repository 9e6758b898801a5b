package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import id.go.jambiprov.dumisake.dashboard.internal.Laggards;
import id.go.jambiprov.dumisake.dashboard.internal.MonthPoint;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewNoteService;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewNoteView;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

/**
 * The dashboard module alone: its figures are read from the envelope and allocation tables as the allocation
 * module keeps them, without any of that module's code. A year of envelopes and one allocation are written
 * here; each test rolls back. Fiscal year 2018 belongs to this class.
 */
class DashboardModuleTest extends DashboardModuleContext {

    private static final int YEAR = 2018;
    private static final BigDecimal PAGU = new BigDecimal("2000000000");
    private static final BigDecimal ALLOCATED = new BigDecimal("100000000");

    @Autowired
    Dashboards dashboards;

    @Autowired
    DashboardService dashboardService;

    @Autowired
    ReviewNoteService notes;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aYearWithOneAllocation() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, ?, 'OPEN', 'uji')",
                YEAR, PAGU);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select ?, code, ? from kecamatan", YEAR, PAGU);
        jdbc.update("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, '15.01.01', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', ?, 6, 'ACTIVE', 'uji', 'uji')""",
                YEAR, ALLOCATED);
    }

    @Test
    void theProvinceIsTheSumOfItsEnvelopes() {
        Summary summary = asAdmin(() -> dashboards.summary(YEAR, null));

        assertThat(summary.kecamatan()).isEqualTo(144);
        assertThat(summary.figures().pagu()).isEqualByComparingTo(PAGU.multiply(BigDecimal.valueOf(144)));
        assertThat(summary.figures().allocated()).isEqualByComparingTo(ALLOCATED);
        assertThat(summary.figures().realised()).isEqualByComparingTo("0");
    }

    @Test
    void eachKabupatenKotaAddsUpItsKecamatan() {
        List<RegionRow> rows = asAdmin(() -> dashboards.byKabupatenKota(YEAR));

        assertThat(rows).hasSize(11);
        assertThat(rows).filteredOn(row -> row.code().equals("15.01")).singleElement()
                .satisfies(kerinci -> assertThat(kerinci.figures().allocated()).isEqualByComparingTo(ALLOCATED));
        assertThat(rows.stream().map(row -> row.figures().pagu()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(PAGU.multiply(BigDecimal.valueOf(144)));
    }

    @Test
    void theSCurvesPhysicalLineIsTheAmountWeightedLatestReport() {
        long id = jdbc.queryForObject("select id from allocation where fiscal_year = ?", Long.class, YEAR);
        jdbc.update("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, ?, 3, 40, 'uji', 'uji'), (?, ?, 5, 65, 'uji', 'uji'), (?, ?, 6, 60, 'uji', 'uji')""",
                id, YEAR, id, YEAR, id, YEAR);

        List<MonthPoint> months = asAdmin(() -> dashboardService.monthly(YEAR, null));

        // Rp 100 jt: 40 % from March, 65 % in May, 60 % (a correction) from June on
        assertThat(months).extracting(MonthPoint::physicalCumulative).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("40000000"), new BigDecimal("40000000"),
                        new BigDecimal("65000000"), new BigDecimal("60000000"), new BigDecimal("60000000"),
                        new BigDecimal("60000000"), new BigDecimal("60000000"), new BigDecimal("60000000"),
                        new BigDecimal("60000000"), new BigDecimal("60000000"));
        assertThat(months.get(5).plannedCumulative()).isEqualByComparingTo(ALLOCATED);
    }

    @Test
    void aYearAfterOneWithoutDataHasNothingToCompareWith() {
        Summary summary = asAdmin(() -> dashboards.summary(YEAR, null));
        List<MonthPoint> months = asAdmin(() -> dashboardService.monthly(YEAR, null));

        // 2017 has no envelopes: no "Rp 0 (–)" and no flat zero line of it
        assertThat(summary.hasPreviousYear()).isFalse();
        assertThat(months).extracting(MonthPoint::previousYearCumulative).containsOnlyNulls();
    }

    @Test
    void theLowestKecamatanAndOpdsAreAllThereAPageAtATimeWithTheTenOfTheDashboardFirst() {
        when(progress.withoutOutputTargets(anyInt(), any(), any())).thenReturn(Page.empty());
        DashboardService.Overview overview = asAdmin(() -> dashboardService.overview(YEAR, null));
        Page<RegionRow> firstKecamatan = asAdmin(() -> dashboardService.lowestKecamatan(YEAR, null, PageRequest.of(0, 50)));
        Page<RegionRow> lastKecamatan = asAdmin(() -> dashboardService.lowestKecamatan(YEAR, null, PageRequest.of(2, 50)));
        Page<RegionRow> opd = asAdmin(() -> dashboardService.lowestOpd(YEAR, null, PageRequest.of(0, 50)));

        // the dashboard shows ten of the 144 kecamatan and says how many there are; the list pages through them all
        assertThat(overview.laggards().kecamatan()).hasSize(10);
        assertThat(overview.laggards().kecamatanCount()).isEqualTo(144);
        assertThat(firstKecamatan.getTotalElements()).isEqualTo(144);
        assertThat(firstKecamatan.getContent().subList(0, 10)).isEqualTo(overview.laggards().kecamatan());
        assertThat(lastKecamatan.getContent()).hasSize(44);
        assertThat(opd.getTotalElements()).isEqualTo(overview.laggards().opdCount());
        assertThat(opd.getContent()).startsWith(overview.laggards().opd().toArray(RegionRow[]::new));
    }

    @Test
    void theLowestKecamatanComeInTheOrderOfTheirShownPercentageThenTheMostAllocatedThenTheCode() {
        // Rp 2 M pagu: 0.01 % is Rp 200,000; 1,099,999 shows 0.05 %, 1,100,000 shows 0.06 % (half up), so the
        // order follows the shown percentage, and within one the larger allocation, then the code
        int[] realised = {1_000_000, 1_099_999, 1_100_000, 0, 1_099_999, 300_000_000};
        int[] allocated = {5_000_000, 2_000_000, 9_000_000, 0, 7_000_000, 400_000_000};
        List<String> codes = jdbc.queryForList("select code from kecamatan order by code desc limit 6", String.class);
        for (int i = 0; i < codes.size(); i++) {
            jdbc.update("update envelope set allocated = ?, realised = ? where fiscal_year = ? and kecamatan_code = ?",
                    allocated[i], realised[i], YEAR, codes.get(i));
        }
        jdbc.update("update envelope set allocated = 100000000 where fiscal_year = ? and kecamatan_code = ?", YEAR,
                "15.01.01");

        for (String kabupatenKota : Arrays.asList(null, codes.get(0).substring(0, 5))) {
            List<RegionRow> expected = asAdmin(() -> dashboardService.byKecamatan(YEAR, kabupatenKota)).stream()
                    .sorted(Comparator.comparing((RegionRow r) -> r.figures().realisedPercent())
                            .thenComparing(r -> r.figures().allocated(), Comparator.reverseOrder())
                            .thenComparing(RegionRow::code))
                    .toList();
            Page<RegionRow> all = asAdmin(() -> dashboardService.lowestKecamatan(YEAR, kabupatenKota, PageRequest.of(0, 200)));
            Page<RegionRow> second = asAdmin(() -> dashboardService.lowestKecamatan(YEAR, kabupatenKota, PageRequest.of(1, 3)));

            assertThat(all.getContent()).extracting(RegionRow::code)
                    .containsExactlyElementsOf(expected.stream().map(RegionRow::code).toList());
            assertThat(all.getTotalElements()).isEqualTo(expected.size());
            assertThat(second.getContent()).isEqualTo(expected.subList(3, Math.min(6, expected.size())));
        }
    }

    @Test
    void theDisbursementsWaitingLongAreAPageOfTheOldestWithTheNumberTheSummaryCounts() {
        long allocation = jdbc.queryForObject("select id from allocation where fiscal_year = ?", Long.class, YEAR);
        // and 14 days less and more an hour: the day the waiting turns long on is counted to the moment
        int[] daysAgo = {30, 2, 15, 40, 20, 14, 14};
        int[] hoursMore = {1, 1, 1, 1, 1, -1, 1};
        for (int i = 0; i < daysAgo.length; i++) {
            jdbc.update("""
                    insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                              created_by, updated_by, submitted_at, submitted_by)
                    values (?, ?, ?, 1000000, ?, ?, 'SUBMITTED', 'op-disdik', 'op-disdik',
                            now() - make_interval(days => ?, hours => ?), 'op-disdik')""", allocation, YEAR, i + 1,
                    "SP2D/WAIT/" + i, LocalDate.of(YEAR, 3, 1), daysAgo[i], hoursMore[i]);
        }
        when(progress.withoutOutputTargets(anyInt(), any(), any())).thenReturn(Page.empty());

        Page<Laggards.WaitingDisbursement> firstTwo = asAdmin(() -> dashboardService.waitingLong(YEAR, null, PageRequest.of(0, 2)));
        Page<Laggards.WaitingDisbursement> nextTwo = asAdmin(() -> dashboardService.waitingLong(YEAR, null, PageRequest.of(1, 2)));
        DashboardService.Overview overview = asAdmin(() -> dashboardService.overview(YEAR, null));

        // 40, 30, 20, 15 and 14 days and an hour: longer than the 14 days; 2 days and 14 days less an hour are not
        assertThat(firstTwo.getTotalElements()).isEqualTo(5);
        assertThat(firstTwo.getContent()).extracting(Laggards.WaitingDisbursement::daysWaiting).containsExactly(40L, 30L);
        assertThat(nextTwo.getContent()).extracting(Laggards.WaitingDisbursement::daysWaiting).containsExactly(20L, 15L);
        assertThat(overview.laggards().waitingCount()).isEqualTo(5);
        assertThat(overview.laggards().waiting()).hasSize(5);
        assertThat(overview.summary().waitingVerification()).isEqualTo(7);
        assertThat(overview.summary().waitingAmount()).isEqualByComparingTo("7000000");
    }

    @Test
    void theOverdueAllocationsAreAPageOfTheEarliestAndLargestWithTheirNumber() {
        // the year is over: every allocation without realisation and without a submitted tranche is overdue
        long june = jdbc.queryForObject("select id from allocation where fiscal_year = ?", Long.class, YEAR);
        long march = allocation("15.01.01", "DISDIK", 3, "50000000");
        long marchLarger = allocation("15.02.01", "DINKES", 3, "70000000");
        long realised = allocation("15.01.01", "DISDIK", 2, "90000000");
        jdbc.update("update allocation set disbursed = 10000000, realised = 10000000 where id = ?", realised);
        long submitted = allocation("15.01.01", "DISDIK", 1, "20000000");
        jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by, submitted_at, submitted_by)
                values (?, ?, 1, 1000000, 'SP2D/LEWAT/1', ?, 'SUBMITTED', 'op-disdik', 'op-disdik', now(), 'op-disdik')""",
                submitted, YEAR, LocalDate.of(YEAR, 1, 15));

        Page<Laggards.OverdueAllocation> first = asAdmin(() -> dashboardService.overdue(YEAR, null, PageRequest.of(0, 2)));
        Page<Laggards.OverdueAllocation> second = asAdmin(() -> dashboardService.overdue(YEAR, null, PageRequest.of(1, 2)));
        Page<Laggards.OverdueAllocation> merangin = asAdmin(() -> dashboardService.overdue(YEAR, "15.02", PageRequest.of(0, 10)));

        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getContent()).extracting(Laggards.OverdueAllocation::id).containsExactly(marchLarger, march);
        assertThat(first.getContent().get(0).kecamatanName()).isNotBlank();
        assertThat(second.getContent()).extracting(Laggards.OverdueAllocation::id).containsExactly(june);
        assertThat(second.getTotalElements()).isEqualTo(3);
        assertThat(merangin.getContent()).extracting(Laggards.OverdueAllocation::id).containsExactly(marchLarger);
        assertThat(merangin.getTotalElements()).isEqualTo(1);
    }

    private long allocation(String kecamatan, String opd, int plannedMonth, String amount) {
        return jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, ?, ?, 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji lewat bulan', ?, ?, 'ACTIVE', 'uji', 'uji')
                returning id""", Long.class, YEAR, kecamatan, opd, new BigDecimal(amount), plannedMonth);
    }

    @Test
    void theOpenNotesOfAKabupatenKotaAreThoseOnItsKecamatanAndTheirAllocations() {
        long all = asAdmin(() -> notes.openCount(null));
        long kerinci = asAdmin(() -> notes.openCount("15.01"));
        long allocation = jdbc.queryForObject("select id from allocation where fiscal_year = ?", Long.class, YEAR);
        jdbc.update("""
                insert into review_note (target_type, target_code, target_label, fiscal_year, opd_code, text, status, created_by)
                values ('KECAMATAN', '15.01.01', 'Gunung Raya', ?, null, 'Uji kecamatan Kerinci', 'OPEN', 'uji'),
                       ('ALLOCATION', ?, 'Uji', ?, 'DISDIK', 'Uji alokasi Kerinci', 'OPEN', 'uji'),
                       ('KECAMATAN', '15.02.01', 'Jangkat', ?, null, 'Uji kecamatan Merangin', 'OPEN', 'uji'),
                       ('OPD', 'DISDIK', 'DISDIK', ?, 'DISDIK', 'Uji OPD', 'OPEN', 'uji')""",
                YEAR, Long.toString(allocation), YEAR, YEAR, YEAR);

        assertThat(asAdmin(() -> notes.openCount(null))).isEqualTo(all + 4);
        assertThat(asAdmin(() -> notes.openCount("15.01"))).isEqualTo(kerinci + 2);
        assertThat(asAdmin(() -> notes.open("15.01", PageRequest.of(0, 1000)).getContent()))
                .extracting(ReviewNoteView::text)
                .contains("Uji kecamatan Kerinci", "Uji alokasi Kerinci")
                .doesNotContain("Uji kecamatan Merangin", "Uji OPD");
        // the open list comes a page at a time with the number of all
        Page<ReviewNoteView> firstTwo = asAdmin(() -> notes.open(null, PageRequest.of(0, 2)));
        Page<ReviewNoteView> nextTwo = asAdmin(() -> notes.open(null, PageRequest.of(1, 2)));
        assertThat(firstTwo.getContent()).hasSize(2);
        assertThat(firstTwo.getTotalElements()).isEqualTo(all + 4);
        assertThat(nextTwo.getContent()).extracting(ReviewNoteView::id)
                .doesNotContainAnyElementsOf(firstTwo.getContent().stream().map(ReviewNoteView::id).toList());
    }

    private static <T> T asAdmin(Supplier<T> read) {
        AtomicReference<T> result = new AtomicReference<>();
        SystemAuthentication.run(() -> result.set(read.get()));
        return result.get();
    }
}
