package id.go.jambiprov.dumisake.demo.scale;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.KeptTotalsDifference;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.demo.DemoUsers;
import id.go.jambiprov.dumisake.demo.scale.ScaleShape.Range;
import id.go.jambiprov.dumisake.demo.scale.ScaleShape.SyntheticRegions;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scale data generator at a tiny scale. Every run happens inside a transaction that is rolled back, so
 * the database all tests share never sees these years (2011–2017) or the synthetic regions.
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class ScaleDataGeneratorTest {

    /** Jambi-shaped: five years, three closed, 1–2 allocations per envelope of 1–3 tranches, 3 people per kecamatan. */
    private static final ScaleShape JAMBI_SMALL = new ScaleShape("test-jambi", List.of(2011, 2012, 2013, 2014, 2015),
            List.of(2011, 2012, 2013), List.of(), new Range(1, 2), 1, SyntheticRegions.NONE, new Range(0, 0), 1, 3);

    /** Two of those years, for the runs that only compare. */
    private static final ScaleShape TWO_YEARS = new ScaleShape("test-two-years", List.of(2011, 2012), List.of(2011),
            List.of(), new Range(1, 2), 1, SyntheticRegions.NONE, new Range(0, 0), 1, 2);

    /** National-shaped: 6 synthetic kecamatan in one other province and nothing more for Jambi. */
    private static final ScaleShape NATIONAL_SMALL = new ScaleShape("test-national", List.of(2016, 2017),
            List.of(2016), List.of(), new Range(0, 0), 4, new SyntheticRegions(1, 2, 3, 2), new Range(2, 3), 2, 0);

    @Autowired
    ScaleDataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    Allocations allocations;

    @Autowired
    DemoUsers users;

    @Autowired
    ObjectProvider<LocalPostgres> localPostgres;

    @Test
    void fillsJambiSizedYearsWithinEveryRuleAndRefusesASecondRun() {
        rolledBack(() -> {
            Map<String, Long> counts = generator.generate(JAMBI_SMALL);

            assertThat(jdbc.queryForList("select year || ' ' || status from fiscal_year where year between 2011 and 2015"
                    + " order by year", String.class))
                    .containsExactly("2011 CLOSED", "2012 CLOSED", "2013 CLOSED", "2014 OPEN", "2015 OPEN");
            assertThat(count("select count(*) from envelope where fiscal_year between 2011 and 2015")).isEqualTo(5 * 144);
            assertThat(count("""
                    select count(*) from (select count(*) as n from allocation where fiscal_year between 2011 and 2015
                                          group by fiscal_year, kecamatan_code) x where n between 1 and 2""")).isEqualTo(5 * 144);
            assertThat(count("""
                    select count(*) from allocation a where fiscal_year between 2011 and 2015 and status = 'ACTIVE'
                      and (select count(*) from disbursement d where d.allocation_id = a.id) not between 1 and 3""")).isZero();
            assertThat(count("select count(*) from beneficiary where name like 'Penerima Sintetis 15.%'")).isEqualTo(144 * 3);
            assertThat(count("select count(*) from aid where fiscal_year between 2011 and 2015")).isEqualTo(144 * 3);
            assertThat(counts.get("allocation")).isEqualTo(count("select count(*) from allocation"));
            assertThat(count("select count(*) from progress_report where fiscal_year between 2011 and 2015")).isEqualTo(12
                    * count("select count(*) from allocation where fiscal_year between 2011 and 2015 and status = 'ACTIVE'"));
            assertThat(count("""
                    select count(*) from progress_report r join progress_report p
                        on p.allocation_id = r.allocation_id and p.month = r.month - 1
                    where r.fiscal_year between 2011 and 2015 and r.physical_percent < p.physical_percent""")).isZero();
            assertThat(count("""
                    select count(*) from (select allocation_id, max(month) as month, max(physical_percent) as highest,
                                                 count(*) as reports
                                          from progress_report where fiscal_year between 2011 and 2015 group by 1) r
                    join progress_latest l using (allocation_id)
                    join progress_report p on p.allocation_id = r.allocation_id and p.month = r.month
                    where l.month = r.month and l.physical_percent = p.physical_percent
                      and l.highest_percent = r.highest and l.report_count = r.reports""")).isEqualTo(
                    count("select count(distinct allocation_id) from progress_report where fiscal_year between 2011 and 2015"))
                    .isEqualTo(count("select count(*) from progress_latest where fiscal_year between 2011 and 2015"));
            assertRulesHold();
            assertNiksAreValid();

            assertThatThrownBy(() -> generator.generate(JAMBI_SMALL))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("fiscal year(s) [2011, 2012, 2013, 2014, 2015] exist already");
        });
    }

    @Test
    void writesTheSameRowsOnEveryRun() {
        String fingerprint = """
                select (select string_agg(concat_ws(' ', kecamatan_code, fiscal_year, programme_code, mechanism, desa_code,
                                                    amount, planned_month, status), ',' order by fiscal_year, kecamatan_code, title)
                        from allocation where fiscal_year between 2011 and 2012)
                    || (select string_agg(concat_ws(' ', a.kecamatan_code, a.title, d.tranche, d.amount, d.sp2d_date, d.status),
                                          ',' order by a.fiscal_year, a.kecamatan_code, a.title, d.tranche)
                        from disbursement d join allocation a on a.id = d.allocation_id
                        where d.fiscal_year between 2011 and 2015)
                    || (select string_agg(concat_ws(' ', b.nik, b.desa_code, x.amount, x.aid_date), ',' order by b.nik)
                        from aid x join beneficiary b on b.id = x.beneficiary_id where x.fiscal_year between 2011 and 2015)""";
        String first = rolledBack(() -> {
            generator.generate(TWO_YEARS);
            return jdbc.queryForObject(fingerprint, String.class);
        });
        String second = rolledBack(() -> {
            generator.generate(TWO_YEARS);
            return jdbc.queryForObject(fingerprint, String.class);
        });
        assertThat(first).isNotBlank().isEqualTo(second);
    }

    @Test
    void addsSyntheticRegionsForNationalScale() {
        rolledBack(() -> {
            generator.generate(NATIONAL_SMALL);

            assertThat(jdbc.queryForList("select code from kabupaten_kota where name like 'Kabupaten Sintetis %' order by code",
                    String.class)).containsExactly("11.01", "11.02");
            assertThat(count("select count(*) from kecamatan where name like 'Kecamatan Sintetis %'")).isEqualTo(6);
            assertThat(count("select count(*) from desa where name like 'Desa Sintetis %'")).isEqualTo(12);
            assertThat(count("select count(*) from envelope where fiscal_year in (2016, 2017)")).isEqualTo(2 * (144 + 6));
            assertThat(jdbc.queryForList("select distinct left(kecamatan_code, 2) from allocation where fiscal_year in (2016, 2017)",
                    String.class)).containsExactly("11");
            assertThat(count("""
                    select count(*) from allocation a where fiscal_year in (2016, 2017) and status = 'ACTIVE'
                      and (select count(*) from disbursement d where d.allocation_id = a.id) not between 2 and 4""")).isZero();
            assertRulesHold();

            assertThatThrownBy(() -> generator.generate(NATIONAL_SMALL)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> generator.generate(new ScaleShape("other-years", List.of(2018), List.of(), List.of(),
                    new Range(0, 0), 4, new SyntheticRegions(1, 1, 1, 1), new Range(1, 1), 2, 0)))
                    .hasMessageContaining("synthetic regions exist already");
        });
    }

    @Test
    void addsTheTotalsItDefersAndReconcilesThemWithTheRows() {
        rolledBack(() -> {
            generator.generate(JAMBI_SMALL);
            generator.generate(NATIONAL_SMALL);

            for (int year = 2011; year <= 2017; year++) {
                int y = year;
                assertThat(users.as("admin", () -> allocations.keptTotalsDifferences(y))).as("year %d", y).isEmpty();
            }
            assertThat(count("select count(*) from allocation_total where fiscal_year between 2011 and 2017"))
                    .isEqualTo(count("""
                            select count(*) from (select distinct fiscal_year, kecamatan_code, opd_code, programme_code,
                                                         mechanism from allocation where fiscal_year between 2011 and 2017) x"""))
                    .isPositive();
            assertThat(count("select count(*) from aid_residence_differences()")).isZero();
            // the roll-ups of the allocations and their latest reports: added at commit, so now in this rolled-back test
            jdbc.execute("set constraints allocation_rollup_at_commit immediate");
            assertThat(count("""
                    select count(*) from generate_series(2011, 2017) y, allocation_rollup_differences(y)""")).isZero();
            jdbc.execute("set constraints disbursement_day_at_commit immediate");
            assertThat(count("select count(*) from disbursement_day_differences(null)")).isZero();
            assertThat(count("select count(*) from allocation_tranches_differences(null)")).isZero();
            assertThat(count("select count(*) from allocation_tranches where fiscal_year between 2011 and 2017"))
                    .isPositive();
            assertThat(count("select count(*) from disbursement_day where fiscal_year between 2011 and 2017"))
                    .isPositive();
            assertThat(count("select count(*) from allocation_rollup where fiscal_year between 2011 and 2017 and level = 2"))
                    .isEqualTo(count("""
                            select count(distinct (fiscal_year, kecamatan_code)) from allocation
                            where fiscal_year between 2011 and 2017""")).isPositive();
            assertThat(jdbc.queryForObject("select kept_totals_deferred()", Boolean.class)).isFalse();
        });
    }

    /**
     * A year the demo opened (2026, as {@code jambi-5y} and {@code national} fill it) holds the demo's allocations,
     * whose roll-up their own inserts added: the generator's count of the year's roll-up has them once (it once added
     * the whole year's to what was there, the demo's counted twice).
     */
    @Test
    void countsTheRollUpOfADemoYearWithTheDemosAllocationsOnce() {
        rolledBack(() -> {
            assertThat(count("select count(*) from allocation a where a.fiscal_year = 2026 and not ("
                    + ScaleSql.GENERATED + ")")).isPositive();
            generator.generate(new ScaleShape("test-demo-year", List.of(2011), List.of(), List.of(2026),
                    new Range(1, 1), 1, SyntheticRegions.NONE, new Range(0, 0), 1, 0));

            assertThat(count("select count(*) from allocation a where a.fiscal_year = 2026 and " + ScaleSql.GENERATED))
                    .isPositive();
            jdbc.execute("set constraints allocation_rollup_at_commit immediate");
            assertThat(count("select count(*) from allocation_rollup_differences(2026)")).isZero();
        });
    }

    @Test
    void refusesAYearWhoseKeptTotalsDifferFromTheRows() {
        KeptTotalsDifference drift = new KeptTotalsDifference(2011, "15.01.01", null, null, null, "envelope.allocated",
                BigDecimal.ONE, BigDecimal.TEN);
        ScaleConnection connection = new ScaleConnection(jdbc, new ScaleSteps(jdbc, transaction), false);
        ScaleYearWriter writer = new ScaleYearWriter(connection, connection, year -> List.of(drift));
        rolledBack(() -> {
            openYear2011();
            jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select 2011, code, 2000000000 from kecamatan");
            assertThatThrownBy(() -> writer.writeAllocations(TWO_YEARS, 2011, LocalDate.now(clock).minusDays(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the kept totals of 2011 differ from the rows in 1 figures");
        });
    }

    @Test
    void defersTheTotalsOfInsertedAllocationsOnlyWhenAsked() {
        rolledBack(() -> {
            openYear2011();
            jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (2011, '15.01.01', 2000000000)");
            String insert = """
                    insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                            planned_month, status, created_by, updated_by)
                    values (2011, '15.01.01', 'DINKES', 'JAMINAN-KESEHATAN', 'BELANJA_OPD', ?, 1000000, 3, 'ACTIVE',
                            'admin', 'admin')""";
            jdbc.queryForObject("select set_config('dumisake.kept_totals', 'deferred', true)", String.class);
            jdbc.update(insert, "deferred");
            assertThat(count("select allocations from envelope where fiscal_year = 2011")).isZero();
            assertThat(count("select count(*) from allocation_total where fiscal_year = 2011")).isZero();

            jdbc.queryForObject("select set_config('dumisake.kept_totals', '', true)", String.class);
            jdbc.update(insert, "kept at once");
            assertThat(count("select allocations from envelope where fiscal_year = 2011")).isEqualTo(1);
            assertThat(count("select sum(allocations) from allocation_total where fiscal_year = 2011")).isEqualTo(1);
        });
    }

    @Test
    void checksTheForeignKeysOfWhatItWritesAsTheOwnerOnceForTheYear() {
        LocalPostgres postgres = localPostgres.getObject();
        DriverManagerDataSource owner = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
                postgres.ownerPassword());
        JdbcTemplate ownerJdbc = new JdbcTemplate(owner);
        TransactionTemplate ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
        ScaleConnection asOwner = new ScaleConnection(ownerJdbc, new ScaleSteps(ownerJdbc, ownerTransaction), true);
        String report = """
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, 2011, ?, 0, 'test', 'test')""";
        ownerTransaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // no generated allocation in 2011: nothing written, nothing wrong
            assertThat(asOwner.insert(ScaleSql.PROGRESS_REPORTS, ScaleSql.PROGRESS_REPORTS_WITHOUT_KEYS, 2011,
                    2011, 12, 2011)).isZero();
            // a report of an allocation that does not exist passes the insert, but not the year's check
            assertThatThrownBy(() -> asOwner.insert(report, ScaleSql.PROGRESS_REPORTS_WITHOUT_KEYS, 2011, -1, 1))
                    .hasMessageStartingWith("Scale data: 1 rows of 2011 refer to what does not exist");
            // and the statements after it check their keys row by row again
            assertThatThrownBy(() -> ownerJdbc.update(report, -2, 2)).hasMessageContaining("foreign key");
        });
        assertThat(count("select count(*) from progress_report where allocation_id < 0")).isZero();
    }

    /**
     * As the owner the generator writes allocations, disbursements and progress reports without their foreign keys'
     * and triggers' row-by-row work: a key or an insert trigger added later must be checked, or deferred and added per
     * year, by the generator too before it is named here.
     */
    @Test
    void checksEveryForeignKeyOfWhatItWritesAndKnowsEveryInsertTriggerItSkips() {
        Map<String, List<String>> keys = new java.util.TreeMap<>();
        jdbc.query("""
                        select conrelid::regclass::text as t, conname from pg_constraint
                        where contype = 'f' and conrelid in ('allocation'::regclass, 'disbursement'::regclass,
                                                             'progress_report'::regclass)
                        order by 1, 2""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> keys.computeIfAbsent(rs.getString("t"),
                        t -> new java.util.ArrayList<>()).add(rs.getString("conname")));
        assertThat(keys).containsOnlyKeys(ScaleSql.KEYS_CHECKED_ONCE.keySet());
        ScaleSql.KEYS_CHECKED_ONCE.forEach((table, checked) ->
                assertThat(keys.get(table)).as(table).containsExactlyInAnyOrderElementsOf(checked));
        // each of these returns at once while the generator defers the kept totals, but the guards, whose rules the
        // generator keeps by what it writes (open years, nothing moved)
        assertThat(jdbc.queryForList("""
                        select t.tgname from pg_trigger t
                        where t.tgrelid in ('allocation'::regclass, 'disbursement'::regclass, 'progress_report'::regclass)
                          and not t.tgisinternal and t.tgtype & 4 = 4
                        order by 1""", String.class))
                .containsExactly("allocation_envelope_total", "allocation_rollup_insert", "allocation_totals_insert",
                        "allocation_tranches_insert", "disbursement_day_insert", "disbursement_guard_insert");
    }

    @Test
    void refusesInProdAndWithoutTheDemoYears() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new ScaleDataGenerator(jdbc, transaction, prod, clock, allocations, users, localPostgres).generate(JAMBI_SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused in the prod profile");
        assertThat(count("select count(*) from fiscal_year where year between 2011 and 2015")).isZero();

        assertThatThrownBy(() -> generator.generate(new ScaleShape("needs-2099", List.of(2011), List.of(), List.of(2099),
                new Range(1, 1), 4, SyntheticRegions.NONE, new Range(0, 0), 2, 0)))
                .hasMessageContaining("fiscal year 2099 must exist and be open");
    }

    @Test
    void acceptsOnlyTheDocumentedScales() {
        assertThat(DemoScale.of("jambi-5y").shape().years()).containsExactly(2022, 2023, 2024, 2025, 2026);
        assertThat(DemoScale.of("national").shape().syntheticRegions().kecamatan()).isEqualTo(7000);
        assertThatThrownBy(() -> DemoScale.of("jakarta")).hasMessageContaining("jambi-5y, national");
    }

    /**
     * Invariants 1, 2 and 4 and the totals kept on allocations and envelopes, over the whole database: the
     * generator writes an allocation's disbursed and realised totals with the row and recounts the envelopes'
     * realised totals, so these are what proves them equal to the rows.
     */
    private void assertRulesHold() {
        assertThat(count("select count(*) from envelope where allocated > pagu or realised > allocated")).isZero();
        assertThat(count("""
                select count(*) from envelope e
                left join (select fiscal_year, kecamatan_code, sum(amount) as total, count(*) as n from allocation
                           where status = 'ACTIVE' group by 1, 2) a using (fiscal_year, kecamatan_code)
                left join (select a.fiscal_year, a.kecamatan_code, sum(d.amount) as total
                           from disbursement d join allocation a on a.id = d.allocation_id
                           where d.status = 'VERIFIED' group by 1, 2) r using (fiscal_year, kecamatan_code)
                where e.allocated <> coalesce(a.total, 0) or e.allocations <> coalesce(a.n, 0)
                   or e.realised <> coalesce(r.total, 0)""")).isZero();
        assertThat(count("""
                select count(*) from allocation a
                left join (select allocation_id, sum(amount) filter (where status <> 'REJECTED') as counted,
                                  sum(amount) filter (where status = 'VERIFIED') as verified
                           from disbursement group by 1) d on d.allocation_id = a.id
                where a.disbursed > a.amount or a.disbursed <> coalesce(d.counted, 0)
                   or a.realised <> coalesce(d.verified, 0)""")).isZero();
        assertThat(count("""
                select count(*) from (select allocation_id, sum(amount) as total from aid group by 1) x
                join allocation a on a.id = x.allocation_id where x.total > a.amount""")).isZero();
        assertThat(count("""
                select count(*) from aid x join allocation a on a.id = x.allocation_id join beneficiary b on b.id = x.beneficiary_id
                where a.mechanism <> 'BELANJA_OPD' or left(b.desa_code, 8) <> a.kecamatan_code or x.nik <> b.nik""")).isZero();
        assertThat(count("select count(*) from disbursement where status = 'VERIFIED' and decided_by = submitted_by"))
                .isZero();
        // no SP2D after today is the application's rule, not the schema's: other tests write future years by SQL
        assertThat(count("""
                select count(*) from disbursement
                where sp2d_number like 'SP2D/SINTETIS/%' and sp2d_date > current_date""")).isZero();
    }

    private void assertNiksAreValid() {
        LocalDate today = LocalDate.now(clock);
        jdbc.query("select nik, sex, date_of_birth, desa_code from beneficiary where name like 'Penerima Sintetis 15.%'",
                (java.sql.ResultSet row) -> {
                    Nik nik = Nik.parse(row.getString("nik"), today);
                    assertThat(nik.sex().name()).isEqualTo(row.getString("sex"));
                    assertThat(nik.dateOfBirth(today)).isEqualTo(row.getObject("date_of_birth", LocalDate.class));
                    assertThat(nik.kecamatanCode()).isEqualTo(row.getString("desa_code").substring(0, 8));
                });
    }

    private void openYear2011() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_at, opened_by)"
                + " values (2011, 2000000000.00, 'OPEN', now(), 'admin')");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void rolledBack(Runnable work) {
        rolledBack(() -> {
            work.run();
            return null;
        });
    }

    private <T> T rolledBack(Supplier<T> work) {
        return transaction.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
