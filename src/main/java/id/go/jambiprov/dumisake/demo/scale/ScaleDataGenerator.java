package id.go.jambiprov.dumisake.demo.scale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Fills a database with synthetic data at benchmark scale ({@link ScaleShape}): fiscal years with their
 * envelopes, allocations, disbursements in tranches, beneficiaries with aid and, for national scale,
 * synthetic regions in other provinces.
 * <p>
 * Set-based SQL ({@code INSERT … SELECT generate_series}), so that every row still passes the schema's
 * triggers and CHECKs — the envelope's allocated total is moved by a trigger; what the disbursements add up to
 * is set by one statement after them ({@link #DISBURSEMENT_TOTALS}) —
 * while a million rows take minutes, not hours. Deterministic: every "random" choice is a hash of the
 * row's content (kecamatan, year, number), so two runs write the same rows — only the generated ids
 * differ when the database's sequences stand elsewhere. Each step commits on its own so
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

    /** Marks the generator's allocations (the demo's titles never contain it), so that later steps find them. */
    private static final String GENERATED = "a.created_by = 'admin' and a.title like '% – kegiatan %'";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final Clock clock;

    ScaleDataGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.environment = environment;
        this.clock = clock;
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
        for (int year : shape.years()) {
            step("allocations " + year, () -> jdbc.update(ALLOCATIONS, shape.jambiAllocations().min(),
                    span(shape.jambiAllocations()), shape.syntheticAllocations().min(), span(shape.syntheticAllocations()),
                    year));
        }
        jdbc.execute("analyze allocation");
        int mostTranches = Math.max(shape.jambiTranches(), shape.syntheticTranches()) + 2;
        for (int year : shape.years()) {
            if (LocalDate.of(year, 1, 1).isAfter(lastDay)) {
                log.info("Scale data {}: no disbursements in {}, which has not begun", shape.name(), year);
                continue;
            }
            LocalDate until = lastDay.isBefore(LocalDate.of(year, 12, 31)) ? lastDay : LocalDate.of(year, 12, 31);
            StatusMix mix = shape.closedYears().contains(year) ? StatusMix.CLOSED
                    : year < lastDay.getYear() ? StatusMix.PAST : StatusMix.CURRENT;
            for (int tranche = 1; tranche <= mostTranches; tranche++) {
                int t = tranche;
                step("disbursements " + year + " tranche " + t, () -> jdbc.update(disbursements(t), until,
                        mix.verified, mix.submitted, mix.rejected, shape.jambiTranches(), shape.syntheticTranches(), year));
            }
        }
        step("disbursement totals " + shape.years(), () -> jdbc.update(DISBURSEMENT_TOTALS.formatted(list(shape.years()))));
        if (shape.beneficiariesPerKecamatan() > 0) {
            transaction.executeWithoutResult(status -> addBeneficiaries(shape.beneficiariesPerKecamatan(), lastDay));
        }
        Map<String, Long> counts = counts();
        transaction.executeWithoutResult(status -> {
            if (!shape.closedYears().isEmpty()) {
                step("closing " + shape.closedYears(), () -> jdbc.update("""
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
                seconds(System.nanoTime() - began), counts);
        return counts;
    }

    /** Removes the dead row versions the triggers left and gives the planner statistics of the new sizes. */
    void vacuumAnalyze() {
        long began = System.nanoTime();
        jdbc.execute("vacuum analyze");
        log.info("Scale data: VACUUM ANALYZE in {} s", seconds(System.nanoTime() - began));
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
        step("synthetic kabupaten/kota", () -> jdbc.update("""
                insert into kabupaten_kota (code, name, type)
                select p || '.' || lpad(k::text, 2, '0'), 'Kabupaten Sintetis ' || p || '.' || lpad(k::text, 2, '0'),
                       'KABUPATEN'
                from unnest(array[%s]) p cross join generate_series(1, ?) k
                order by 1""".formatted(provinces), regions.kabupatenPerProvince()));
        step("synthetic kecamatan", () -> jdbc.update("""
                insert into kecamatan (code, kabupaten_kota_code, name)
                select k.code || '.' || lpad(c::text, 2, '0'), k.code,
                       'Kecamatan Sintetis ' || k.code || '.' || lpad(c::text, 2, '0')
                from kabupaten_kota k cross join generate_series(1, ?) c
                where k.name like 'Kabupaten Sintetis %'
                order by 1""", regions.kecamatanPerKabupaten()));
        step("synthetic desa", () -> jdbc.update("""
                insert into desa (code, kecamatan_code, name, type)
                select c.code || '.' || (2000 + d), c.code, 'Desa Sintetis ' || c.code || '.' || (2000 + d), 'DESA'
                from kecamatan c cross join generate_series(1, ?) d
                where c.name like 'Kecamatan Sintetis %'
                order by 1""", regions.desaPerKecamatan()));
    }

    private void openYears(ScaleShape shape) {
        step("fiscal years " + shape.newYears(), () -> jdbc.update("""
                insert into fiscal_year (year, pagu_per_kecamatan, status, opened_at, opened_by)
                select y, 2000000000.00, 'OPEN', least(make_timestamptz(y, 1, 2, 8, 0, 0, 'Asia/Jakarta'), now()), 'admin'
                from unnest(array[%s]::integer[]) y""".formatted(list(shape.newYears()))));
        // the existing (demo) years have the Jambi envelopes already: only the synthetic kecamatan's are added
        step("envelopes", () -> jdbc.update("""
                insert into envelope (fiscal_year, kecamatan_code, pagu)
                select y.year, k.code, y.pagu_per_kecamatan
                from fiscal_year y cross join kecamatan k
                where y.year in (%s)
                order by 1, 2
                on conflict (fiscal_year, kecamatan_code) do nothing""".formatted(list(shape.years()))));
    }

    private void addBeneficiaries(int perKecamatan, LocalDate lastDay) {
        // one person per serial and Jambi kecamatan, living in its desa in turn, with a valid NIK: 15KKCC, day
        // of birth (+40 for women), month, two-digit year, serial (the demo's serials start at 8001)
        jdbc.update("""
                create temporary table scale_people on commit drop as
                select x.*, '15' || substr(x.kecamatan_code, 4, 2) || substr(x.kecamatan_code, 7, 2)
                           || lpad((extract(day from x.born)::int + case when x.sex = 'F' then 40 else 0 end)::text, 2, '0')
                           || to_char(x.born, 'MMYY') || lpad(x.n::text, 4, '0') as nik
                from (
                    select k.code as kecamatan_code, s.n, dk.codes[1 + (s.n - 1) % cardinality(dk.codes)] as desa_code,
                           case when s.n % 2 = 0 then 'F' else 'M' end as sex,
                           make_date(1950 + floor({R7} * 55)::int, 1 + floor({R8} * 12)::int, 1 + floor({R9} * 28)::int)
                               as born,
                           1 + floor({R10} * 4)::int as decile,
                           al.ids[1 + (s.n - 1) % cardinality(al.ids)] as allocation_id
                    from kecamatan k
                    join (select kecamatan_code, array_agg(code order by code) as codes from desa group by 1) dk
                        on dk.kecamatan_code = k.code
                    join (select a.kecamatan_code, array_agg(a.id order by a.id) as ids
                          from allocation a
                          where {GENERATED} and a.status = 'ACTIVE' and a.mechanism = 'BELANJA_OPD'
                            and make_date(a.fiscal_year, 1, 1) <= ?
                          group by 1) al on al.kecamatan_code = k.code
                    cross join generate_series(1, ?) s(n)
                    where left(k.code, 2) = ?
                ) x"""
                .replace("{R7}", random("k.code || '/' || s.n", 7)).replace("{R8}", random("k.code || '/' || s.n", 8))
                .replace("{R9}", random("k.code || '/' || s.n", 9)).replace("{R10}", random("k.code || '/' || s.n", 10))
                .replace("{GENERATED}", GENERATED), lastDay, perKecamatan, JAMBI);
        jdbc.execute("analyze scale_people");
        step("beneficiaries", () -> jdbc.update("""
                insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address, welfare_decile, created_by,
                                         registered_opd)
                select p.nik, 'Penerima Sintetis ' || p.kecamatan_code || '-' || p.n, p.sex, p.born, p.desa_code,
                       'Alamat sintetis No. ' || p.n, least(p.decile, coalesce(g.max_welfare_decile, 10)),
                       'op-' || lower(a.opd_code), a.opd_code
                from scale_people p
                join allocation a on a.id = p.allocation_id
                join programme g on g.code = a.programme_code
                order by p.kecamatan_code, p.n"""));
        // Σ aid of an allocation ≤ its amount: each person gets an equal share of it, at most Rp 500.000, to
        // the thousand, dated in the allocation's year and never after lastDay
        step("aid", () -> jdbc.update("""
                insert into aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code, amount,
                                 aid_date, created_by)
                select b.id, b.nik, a.id, a.programme_code, a.fiscal_year, a.opd_code,
                       least(500000, trunc(a.amount / count(*) over (partition by a.id), -3)),
                       least(make_date(a.fiscal_year, a.planned_month, 1) + p.n % 28, make_date(a.fiscal_year, 12, 31), ?),
                       'op-' || lower(a.opd_code)
                from scale_people p
                join beneficiary b on b.nik = p.nik
                join allocation a on a.id = p.allocation_id
                order by b.id""", lastDay));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("fiscal_year", "kecamatan", "desa", "envelope", "allocation", "disbursement",
                "beneficiary", "aid")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private void step(String what, Supplier<Integer> work) {
        long began = System.nanoTime();
        int rows = transaction.execute(status -> {
            // the pool sets force_custom_plan for the dashboard's queries; here it would re-plan the triggers'
            // statements for every row written, several times slower than their cached plans
            jdbc.execute("set local plan_cache_mode = auto");
            return work.get();
        });
        log.info("Scale data: {}: {} rows in {} s", what, rows, seconds(System.nanoTime() - began));
    }

    private static int span(ScaleShape.Range range) {
        return range.max() - range.min() + 1;
    }

    private static String list(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    /** A number in [0, 1) that depends only on {@code key} and {@code salt}: deterministic "randomness". */
    private static String random(String key, int salt) {
        return "((hashtextextended(" + key + ", " + salt + ") % 1000000 + 1000000) % 1000000 / 1000000.0)";
    }

    /** Shares of VERIFIED, SUBMITTED and REJECTED tranches (cumulative; the rest are DRAFT). */
    private enum StatusMix {
        CLOSED(0.96, 0.96, 1.0), PAST(0.90, 0.94, 0.98), CURRENT(0.80, 0.90, 0.95);

        final double verified;
        final double submitted;
        final double rejected;

        StatusMix(double verified, double submitted, double rejected) {
            this.verified = verified;
            this.submitted = submitted;
            this.rejected = rejected;
        }
    }

    /**
     * Σ non-rejected and Σ verified disbursements per allocation of the years, and the verified per envelope,
     * recounted from the rows (the demo years' earlier disbursements included).
     */
    private static final String DISBURSEMENT_TOTALS = """
            with totals as (
                select allocation_id,
                       coalesce(sum(amount) filter (where status <> 'REJECTED'), 0) as disbursed,
                       coalesce(sum(amount) filter (where status = 'VERIFIED'), 0) as realised
                from disbursement where fiscal_year in (%s) group by allocation_id),
            moved as (
                update allocation a set disbursed = t.disbursed, realised = t.realised
                from totals t where a.id = t.allocation_id
                returning a.fiscal_year, a.kecamatan_code, a.realised)
            update envelope e set realised = m.realised
            from (select fiscal_year, kecamatan_code, sum(realised) as realised from moved group by 1, 2) m
            where e.fiscal_year = m.fiscal_year and e.kecamatan_code = m.kecamatan_code""";

    private static final String KEY = "e.kecamatan_code || '/' || e.fiscal_year || '/' || s.i";

    /**
     * Per envelope of one year: Jambi 30–40 (synthetic 29–33, per the shape) allocations of Rp 1–5 juta,
     * as many as fit in the room left; every 7th a BKBK to a desa of the kecamatan, every 5th other one
     * to the kabupaten/kota, about 2 % cancelled. Ordered so that the ids come out the same on every run.
     * Parameters: Jambi fewest and span, synthetic fewest and span, year.
     */
    private static final String ALLOCATIONS = """
            insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, desa_code, title,
                                    amount, planned_month, status, cancel_reason, created_at, created_by, updated_at,
                                    updated_by)
            select g.fiscal_year, g.kecamatan_code, p.lead_opd_code, p.code, g.mechanism,
                   case when g.mechanism = 'BANTUAN_KEUANGAN_DESA'
                        then dk.codes[1 + (g.i * 7 + g.salt) % cardinality(dk.codes)] end,
                   p.name || ' – kegiatan ' || g.i, g.amount, g.planned_month,
                   case when g.cancelled then 'CANCELLED' else 'ACTIVE' end,
                   case when g.cancelled then 'Dibatalkan: kegiatan digabung (data sintetis)' end,
                   g.created_at, 'admin', g.created_at, 'admin'
            from (
                select e.fiscal_year, e.kecamatan_code, s.i, (hashtext(e.kecamatan_code) & 2147483647) % 97 as salt,
                       case when s.i % 7 = 0 then 'BANTUAN_KEUANGAN_DESA'
                            when s.i % 5 = 0 then 'BANTUAN_KEUANGAN_KABKOTA'
                            else 'BELANJA_OPD' end as mechanism,
                       (1 + floor({R1} * 5)) * 1000000 as amount,
                       1 + floor({R2} * 12)::int as planned_month,
                       {R3} < 0.02 as cancelled,
                       least(make_timestamptz(e.fiscal_year, 1, 5, 9, 0, 0, 'Asia/Jakarta') + {R4} * interval '60 days',
                             now()) as created_at
                from envelope e
                cross join lateral generate_series(1, least(
                    case when left(e.kecamatan_code, 2) = '{JAMBI}'
                         then ? + (hashtext(e.kecamatan_code || e.fiscal_year) & 2147483647) % ?
                         else ? + (hashtext(e.kecamatan_code || e.fiscal_year) & 2147483647) % ? end,
                    floor((e.pagu - e.allocated) / 5000000)::int)) as s(i)
                where e.fiscal_year = ?
            ) g
            join (select kecamatan_code, array_agg(code order by code) as codes from desa group by 1) dk
                on dk.kecamatan_code = g.kecamatan_code
            join programme p on p.code = case when g.mechanism = 'BANTUAN_KEUANGAN_DESA' then 'BKBK-DESA'
                else (array['BEASISWA', 'BANTUAN-PENDIDIKAN', 'INTERNET-DESA', 'JAMINAN-KESEHATAN', 'BEDAH-RUMAH',
                            'MODAL-UMKM', 'PERKEBUNAN', 'KETAHANAN-PANGAN', 'INSENTIF-KEAGAMAAN',
                            'PERLINDUNGAN-SOSIAL'])[1 + (g.i + g.salt) % 10] end
            order by g.kecamatan_code, g.i"""
            .replace("{R1}", random(KEY, 1)).replace("{R2}", random(KEY, 2)).replace("{R3}", random(KEY, 3))
            .replace("{R4}", random(KEY, 4)).replace("{JAMBI}", JAMBI);

    /**
     * Tranche {@code tranche} of every generated ACTIVE allocation of a year that has that many (Jambi 4–6,
     * synthetic 2–4 per the shape): trunc(amount / tranches) to the thousand, so Σ ≤ amount; dated from the
     * planned month on, 25 days apart, never after {@code until}; submitted by the OPD's operator, decided
     * by the admin. Parameters: until, the VERIFIED / SUBMITTED / REJECTED shares, year, Jambi and synthetic
     * fewest tranches.
     */
    private static String disbursements(int tranche) {
        String key = "a.kecamatan_code || '/' || a.fiscal_year || '/' || a.title || '/" + tranche + "'";
        return """
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          reject_reason, created_at, created_by, updated_at, updated_by,
                                          submitted_at, submitted_by, decided_at, decided_by)
                select t.id, t.fiscal_year, {T}, t.amount, 'SP2D/SINTETIS/' || t.id || '/{T}', t.sp2d_date, t.status,
                       case when t.status = 'REJECTED' then 'Lampiran SP2D tidak terbaca (data sintetis)' end,
                       t.sp2d_date + time '09:00', t.operator, t.sp2d_date + time '09:00', t.operator,
                       case when t.status <> 'DRAFT' then t.sp2d_date + time '10:00' end,
                       case when t.status <> 'DRAFT' then t.operator end,
                       case when t.status in ('VERIFIED', 'REJECTED')
                            then least(t.sp2d_date + time '15:00' + interval '2 days', now()) end,
                       case when t.status in ('VERIFIED', 'REJECTED') then 'admin' end
                from (
                    select a.id, a.fiscal_year, 'op-' || lower(a.opd_code) as operator,
                           trunc(a.amount / n.tranches, -3) as amount,
                           least(make_date(a.fiscal_year, a.planned_month, 1) + ({T} - 1) * 25 + floor({R5} * 20)::int,
                                 ?::date) as sp2d_date,
                           case when {R6} < ? then 'VERIFIED' when {R6} < ? then 'SUBMITTED'
                                when {R6} < ? then 'REJECTED' else 'DRAFT' end as status
                    from allocation a
                    cross join lateral (select case when left(a.kecamatan_code, 2) = '{JAMBI}' then ? else ? end
                                                   + (hashtext(a.kecamatan_code || '/' || a.title) & 2147483647) % 3
                                                   as tranches) n
                    where a.fiscal_year = ? and a.status = 'ACTIVE' and {GENERATED} and n.tranches >= {T}
                    order by a.id
                ) t"""
                .replace("{T}", String.valueOf(tranche)).replace("{R5}", random(key, 5))
                .replace("{R6}", random(key, 6)).replace("{JAMBI}", JAMBI).replace("{GENERATED}", GENERATED);
    }
}
