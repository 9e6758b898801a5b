package id.go.jambiprov.dumisake.monev;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A past fiscal year (so measured at December, whatever today is) with four allocations and their reports,
 * written by SQL as the progress and obstacle capabilities would store them (in month order, so the kept latest
 * report is the last one written):
 * <pre>
 *   green     DISDIK 15.01.01 Rp 100 jt, planned March,     reports Nov 80 %, Dec 95 %, Rp 50 jt realised
 *   behind    DISDIK 15.01.01 Rp 300 jt, planned June,      report  Dec 70 %                      → 30 points
 *   silent    DINKES 15.71.01 Rp 200 jt, planned December,  no report, nothing realised           → not started
 *   late      DISDIK 15.71.01 Rp 100 jt, planned September, report  Oct 100 %, none in December   → red
 * </pre>
 * Open obstacles: an escalated one on "behind", one on "silent"; a resolved one on "green".
 */
record MonevFixture(int year, long green, long behind, long silent, long late, long escalatedObstacle,
                    long openObstacle) {

    static MonevFixture insert(JdbcTemplate jdbc, int year) {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji')",
                year);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select ?, code, 2000000000 from kecamatan", year);
        long green = allocation(jdbc, year, "DISDIK", "BANTUAN-PENDIDIKAN", "15.01.01", "100000000", 3, "50000000");
        long behind = allocation(jdbc, year, "DISDIK", "BANTUAN-PENDIDIKAN", "15.01.01", "300000000", 6, "0");
        long silent = allocation(jdbc, year, "DINKES", "JAMINAN-KESEHATAN", "15.71.01", "200000000", 12, "0");
        long late = allocation(jdbc, year, "DISDIK", "BANTUAN-PENDIDIKAN", "15.71.01", "100000000", 9, "0");
        report(jdbc, green, year, 11, "80");
        report(jdbc, green, year, 12, "95");
        report(jdbc, behind, year, 12, "70");
        report(jdbc, late, year, 10, "100");
        long escalated = obstacle(jdbc, behind, year, "DISDIK", "15.01.01", "PENGADAAN", "Gagal lelang", "OPEN", true);
        long open = obstacle(jdbc, silent, year, "DINKES", "15.71.01", "DATA_PENERIMA", "SK penerima belum ditetapkan",
                "IN_FOLLOW_UP", false);
        obstacle(jdbc, green, year, "DISDIK", "15.01.01", "SDM", "Tenaga kurang", "RESOLVED", false);
        // the tests roll back: the kept deviation sums are added now instead of at a commit (V22_32)
        jdbc.execute("set constraints allocation_rollup_at_commit immediate");
        return new MonevFixture(year, green, behind, silent, late, escalated, open);
    }

    private static long allocation(JdbcTemplate jdbc, int year, String opd, String programme, String kecamatan,
                                   String amount, int plannedMonth, String realised) {
        return jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, disbursed, realised, created_by, updated_by)
                values (?, ?, ?, ?, 'BELANJA_OPD', ?, cast(? as numeric), ?, 'ACTIVE', cast(? as numeric),
                        cast(? as numeric), 'uji', 'uji') returning id""", Long.class,
                year, kecamatan, opd, programme, "Uji " + opd + " " + plannedMonth, amount, plannedMonth, realised,
                realised);
    }

    private static void report(JdbcTemplate jdbc, long allocation, int year, int month, String physical) {
        jdbc.update("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, ?, ?, cast(? as numeric), 'uji', 'uji')""", allocation, year, month, physical);
        jdbc.update("""
                insert into progress_latest (allocation_id, fiscal_year, month, physical_percent, highest_percent,
                                             report_count)
                values (?, ?, ?, cast(? as numeric), cast(? as numeric), 1)
                on conflict (allocation_id) do update set month = excluded.month,
                    physical_percent = excluded.physical_percent,
                    highest_percent = greatest(progress_latest.highest_percent, excluded.highest_percent),
                    report_count = progress_latest.report_count + 1""", allocation, year, month, physical, physical);
    }

    private static long obstacle(JdbcTemplate jdbc, long allocation, int year, String opd, String kecamatan,
                                 String category, String description, String status, boolean escalated) {
        return jdbc.queryForObject("""
                insert into obstacle (allocation_id, fiscal_year, opd_code, kecamatan_code, category, description, since,
                                      status, escalated_at, escalated_by, resolution, resolved_by, created_by)
                values (?, ?, ?, ?, ?, ?, make_date(?, 8, 1), ?, case when ? then now() end, case when ? then 'op' end,
                        case when ? = 'RESOLVED' then 'selesai' end, case when ? = 'RESOLVED' then 'op' end, 'uji')
                returning id""", Long.class, allocation, year, opd, kecamatan, category, description, year, status,
                escalated, escalated, status, status);
    }
}
