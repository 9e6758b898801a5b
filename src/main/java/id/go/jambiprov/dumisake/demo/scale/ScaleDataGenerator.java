package id.go.jambiprov.dumisake.demo.scale;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.demo.DemoUsers;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Fills a database with synthetic data at benchmark scale ({@link ScaleShape}): fiscal years with their
 * envelopes, allocations, disbursements in tranches, beneficiaries with aid and, for national scale,
 * synthetic regions in other provinces.
 * <p>
 * Set-based SQL ({@code INSERT … SELECT generate_series}), so that every row still passes the schema's CHECKs and
 * foreign keys while a million rows take minutes, not hours (on the embedded database as its owner, each key checked
 * once for a year's rows: {@link ScaleConnection}); the disbursement guards' rules hold as they are written: the years
 * it writes are open until it closes them at the end, and nothing moves to another allocation. What the disbursements
 * add up to is written with each allocation, and the totals the allocation triggers keep are deferred for the
 * generator's inserts and added once per year and table, then reconciled with the rows before the year commits (as the
 * owner: right after it; {@link ScaleYearWriter}); the aid rows' copies of their person's residence, and the reach the
 * aid's trigger keeps (V22_1), are reconciled likewise.
 * One fiscal year after the other, its allocations and disbursements first; its progress reports then follow
 * on one of two other connections while the next year's allocations are written. Deterministic: every "random"
 * choice is a hash of the row's content (kecamatan, year, number), so two runs write the same rows — only the
 * generated ids differ when the database's sequences stand elsewhere, and those of the progress reports with how two
 * years' reports, written at the same time, interleave. Each step commits on its own so
 * that the row versions the triggers leave behind can be pruned as it goes; a run that fails half-way
 * leaves a partly filled database, which the next run refuses (start again from an empty directory).
 * No audit event per row (nobody made these changes); one {@code SCALE_DATA_GENERATED} event records
 * the run. Never in {@code prod}.
 */
@Component
class ScaleDataGenerator {

    /** Jambi's province code: its kecamatan get the Jambi shape, all others the synthetic one. */
    static final String JAMBI = "15";

    /** Kemendagri province codes other than Jambi's, in order; synthetic regions use the first ones. */
    static final List<String> OTHER_PROVINCES = List.of("11", "12", "13", "14", "16", "17", "18", "19", "21",
            "31", "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73",
            "74", "75", "76", "81", "82", "91", "92", "93", "94");

    static final String GENERATED_ACTION = "SCALE_DATA_GENERATED";

    private static final Logger log = LoggerFactory.getLogger(ScaleDataGenerator.class);


    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final Clock clock;
    private final ScaleSteps steps;
    private final Allocations allocations;
    private final DemoUsers users;
    private final ObjectProvider<LocalPostgres> localPostgres;

    ScaleDataGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, Environment environment, Clock clock,
                       Allocations allocations, DemoUsers users, ObjectProvider<LocalPostgres> localPostgres) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.environment = environment;
        this.clock = clock;
        this.steps = new ScaleSteps(jdbc, transaction);
        this.allocations = allocations;
        this.users = users;
        this.localPostgres = localPostgres;
    }

    /** Whether a run of this shape has completed on this database. */
    boolean generated(ScaleShape shape) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from public.audit_event where action = ? and entity_id = ?)",
                Boolean.class, GENERATED_ACTION, shape.name()));
    }

    /**
     * Writes the data of {@code shape}.
     *
     * @return the row counts of the whole database afterwards
     * @throws IllegalStateException in {@code prod}, or when the database is not one this shape can fill:
     *                               one of its new years or its synthetic regions exist already, or an
     *                               existing year is missing or closed
     */
    Map<String, Long> generate(ScaleShape shape) {
        refuseUnlessFillable(shape);
        LocalDate lastDay = LocalDate.now(clock).minusDays(1);
        long began = System.nanoTime();
        log.info("Scale data {}: generating fiscal years {} (closing {}), {} synthetic kecamatan",
                shape.name(), shape.years(), shape.closedYears(), shape.syntheticRegions().kecamatan());

        transaction.executeWithoutResult(status -> {
            if (shape.syntheticRegions().provinces() > 0) {
                addSyntheticRegions(shape.syntheticRegions());
            }
            openYears(shape);
        });
        // A year's progress reports (twelve per allocation: most of the rows at national scale) need only the year's
        // allocations committed, so other connections write them while this one goes on with the next year, and both
        // cores work. Two of them: a year's reports take longer than its allocations, and with one connection each year
        // waited for the last one's, the last year's alone at the end. Years share no row, so they do not wait for each
        // other. Inside a caller's transaction (the tests') nothing is committed: written in it, in turn.
        boolean alongside = !TransactionSynchronizationManager.isActualTransactionActive();
        ScaleConnection connection = connection(alongside);
        ScaleYearWriter writer = new ScaleYearWriter(connection, connection,
                year -> users.as("admin", () -> allocations.keptTotalsDifferences(year)));
        ExecutorService progress = Executors.newFixedThreadPool(2, task -> new Thread(task, "scale-progress"));
        List<Future<?>> reports = new ArrayList<>();
        boolean completed = false;
        try {
            for (int year : shape.years()) {
                writer.writeAllocations(shape, year, lastDay);
                if (alongside) {
                    reports.add(progress.submit(() -> writer.writeProgress(year, lastDay)));
                } else {
                    writer.writeProgress(year, lastDay);
                }
                failOnFirstError(reports, false);
            }
            if (shape.beneficiariesPerKecamatan() > 0) {
                transaction.executeWithoutResult(status -> addBeneficiaries(shape.beneficiariesPerKecamatan(), lastDay));
            }
            failOnFirstError(reports, true);
            completed = true;
        } finally {
            if (!completed) {
                progress.shutdownNow();
            }
            progress.shutdown();
            awaitQuietly(progress);
        }
        Map<String, Long> counts = counts();
        transaction.executeWithoutResult(status -> {
            if (!shape.closedYears().isEmpty()) {
                steps.step("closing " + shape.closedYears(), () -> jdbc.update("""
                        update fiscal_year set status = 'CLOSED', closed_by = 'admin', version = version + 1,
                               closed_at = least(make_timestamptz(year + 1, 2, 15, 16, 0, 0, 'Asia/Jakarta'), now())
                        where year in (%s)""".formatted(list(shape.closedYears()))));
            }
            jdbc.update("""
                    insert into public.audit_event (username, action, entity_type, entity_id, after_state)
                    values ('system', ?, 'ScaleData', ?, ?::jsonb)""", GENERATED_ACTION, shape.name(),
                    counts.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                            .collect(Collectors.joining(", ", "{", "}")));
        });
        log.info("Scale data {}: done in {} s; the database now holds {}", shape.name(),
                ScaleSteps.seconds(System.nanoTime() - began), counts);
        return counts;
    }

    /**
     * The connection the years are written on: the embedded database's owner where there is one and nothing is
     * written in a caller's transaction (its own connections, no pool: one per step), else the application's.
     */
    private ScaleConnection connection(boolean alongside) {
        LocalPostgres postgres = localPostgres.getIfAvailable();
        if (!alongside || postgres == null) {
            return new ScaleConnection(jdbc, steps, false);
        }
        DriverManagerDataSource owner = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(),
                postgres.ownerPassword());
        JdbcTemplate ownerJdbc = new JdbcTemplate(owner);
        return new ScaleConnection(ownerJdbc,
                new ScaleSteps(ownerJdbc, new TransactionTemplate(new DataSourceTransactionManager(owner))), true);
    }

    /** Rethrows the failure of the first of {@code reports} that failed; waits for each when {@code wait}. */
    private static void failOnFirstError(List<Future<?>> reports, boolean wait) {
        for (Future<?> report : reports) {
            if (!wait && !report.isDone()) {
                continue;
            }
            try {
                report.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Scale data: interrupted while progress reports were written", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("Scale data: progress reports failed", e.getCause());
            }
        }
    }

    /** Lets a progress statement under way end, so that nothing is written after {@link #generate} returns. */
    private static void awaitQuietly(ExecutorService progress) {
        try {
            if (!progress.awaitTermination(1, TimeUnit.HOURS)) {
                log.warn("Scale data: progress reports still being written after an hour");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the dead row versions the triggers left and gives the planner statistics of the new sizes. */
    void vacuumAnalyze() {
        long began = System.nanoTime();
        jdbc.execute("vacuum analyze");
        log.info("Scale data: VACUUM ANALYZE in {} s", ScaleSteps.seconds(System.nanoTime() - began));
    }

    private void refuseUnlessFillable(ScaleShape shape) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("Scale data is synthetic: refused in the prod profile");
        }
        List<Integer> present = jdbc.queryForList("select year from fiscal_year where year in (%s) order by year"
                .formatted(list(shape.newYears())), Integer.class);
        if (!present.isEmpty()) {
            throw new IllegalStateException("Scale data " + shape.name() + " refused: fiscal year(s) " + present
                    + " exist already (generated before?); start from an empty database directory");
        }
        for (int year : shape.existingYears()) {
            List<String> status = jdbc.queryForList("select status from fiscal_year where year = ?", String.class, year);
            if (!status.equals(List.of("OPEN"))) {
                throw new IllegalStateException("Scale data " + shape.name() + " refused: fiscal year " + year
                        + " must exist and be open (the default profile's demo data opens it)");
            }
        }
        if (shape.syntheticRegions().provinces() > 0 && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from kabupaten_kota where name like 'Kabupaten Sintetis %')", Boolean.class))) {
            throw new IllegalStateException("Scale data " + shape.name()
                    + " refused: synthetic regions exist already; start from an empty database directory");
        }
    }

    private void addSyntheticRegions(ScaleShape.SyntheticRegions regions) {
        String provinces = OTHER_PROVINCES.subList(0, regions.provinces()).stream()
                .map(p -> "'" + p + "'").collect(Collectors.joining(","));
        steps.step("synthetic kabupaten/kota", () -> jdbc.update("""
                insert into kabupaten_kota (code, name, type)
                select p || '.' || lpad(k::text, 2, '0'), 'Kabupaten Sintetis ' || p || '.' || lpad(k::text, 2, '0'),
                       'KABUPATEN'
                from unnest(array[%s]) p cross join generate_series(1, ?) k
                order by 1""".formatted(provinces), regions.kabupatenPerProvince()));
        steps.step("synthetic kecamatan", () -> jdbc.update("""
                insert into kecamatan (code, kabupaten_kota_code, name)
                select k.code || '.' || lpad(c::text, 2, '0'), k.code,
                       'Kecamatan Sintetis ' || k.code || '.' || lpad(c::text, 2, '0')
                from kabupaten_kota k cross join generate_series(1, ?) c
                where k.name like 'Kabupaten Sintetis %'
                order by 1""", regions.kecamatanPerKabupaten()));
        steps.step("synthetic desa", () -> jdbc.update("""
                insert into desa (code, kecamatan_code, name, type)
                select c.code || '.' || (2000 + d), c.code, 'Desa Sintetis ' || c.code || '.' || (2000 + d), 'DESA'
                from kecamatan c cross join generate_series(1, ?) d
                where c.name like 'Kecamatan Sintetis %'
                order by 1""", regions.desaPerKecamatan()));
        // the foreign-key checks of the envelopes and allocations below reuse plans made when these tables held
        // Jambi alone (a sequential scan of 144 kecamatan); new statistics make them plan an index lookup again
        jdbc.execute("analyze kabupaten_kota, kecamatan, desa");
    }

    private void openYears(ScaleShape shape) {
        steps.step("fiscal years " + shape.newYears(), () -> jdbc.update("""
                insert into fiscal_year (year, pagu_per_kecamatan, status, opened_at, opened_by)
                select y, 2000000000.00, 'OPEN', least(make_timestamptz(y, 1, 2, 8, 0, 0, 'Asia/Jakarta'), now()), 'admin'
                from unnest(array[%s]::integer[]) y""".formatted(list(shape.newYears()))));
        // the existing (demo) years have the Jambi envelopes already: only the synthetic kecamatan's are added
        steps.step("envelopes", () -> jdbc.update("""
                insert into envelope (fiscal_year, kecamatan_code, pagu)
                select y.year, k.code, y.pagu_per_kecamatan
                from fiscal_year y cross join kecamatan k
                where y.year in (%s)
                order by 1, 2
                on conflict (fiscal_year, kecamatan_code) do nothing""".formatted(list(shape.years()))));
        // as for the regions: the allocations' foreign-key checks of their envelope plan for the new size
        jdbc.execute("analyze fiscal_year, envelope");
    }

    private void addBeneficiaries(int perKecamatan, LocalDate lastDay) {
        jdbc.update(ScaleSql.PEOPLE, lastDay, perKecamatan, JAMBI);
        jdbc.execute("analyze scale_people");
        steps.step("beneficiaries", () -> jdbc.update(ScaleSql.BENEFICIARIES));
        steps.step("aid", () -> jdbc.update(ScaleSql.AID, lastDay));
        Long differences = jdbc.queryForObject("select count(*) from aid_residence_differences()", Long.class);
        if (differences != 0) {
            throw new IllegalStateException("Scale data: " + differences
                    + " aid rows do not carry their beneficiary's residence (aid_residence_differences())");
        }
        Long reach = jdbc.queryForObject("select count(*) from aid_reach_differences(null)", Long.class);
        if (reach != 0) {
            throw new IllegalStateException("Scale data: " + reach
                    + " kept cells of the aid's reach differ from the aid (aid_reach_differences(null))");
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("fiscal_year", "kecamatan", "desa", "envelope", "allocation", "disbursement",
                "beneficiary", "aid", "progress_report")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static String list(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
