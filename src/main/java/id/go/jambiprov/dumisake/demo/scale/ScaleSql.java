package id.go.jambiprov.dumisake.demo.scale;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static id.go.jambiprov.dumisake.demo.scale.ScaleDataGenerator.JAMBI;

/** The set-based statements of {@link ScaleDataGenerator}, whose parameters their comments name. */
final class ScaleSql {

    /** Marks the generator's allocations (the demo's titles never contain it), so that later steps find them. */
    static final String GENERATED = "a.created_by = 'admin' and a.title like '% – kegiatan %'";

    /**
     * One person per serial and Jambi kecamatan, living in its desa in turn, with a valid NIK: 15KKCC, day of
     * birth (+40 for women), month, two-digit year, serial (the demo's serials start at 8001). Parameters: the
     * last day, people per kecamatan, Jambi's province code.
     */
    static final String PEOPLE = """
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
            .replace("{GENERATED}", GENERATED);

    /** The people as beneficiaries, registered by the operator of the OPD whose allocation they are given. */
    static final String BENEFICIARIES = """
                insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address, welfare_decile, created_by,
                                         registered_opd)
                select p.nik, 'Penerima Sintetis ' || p.kecamatan_code || '-' || p.n, p.sex, p.born, p.desa_code,
                       'Alamat sintetis No. ' || p.n, least(p.decile, coalesce(g.max_welfare_decile, 10)),
                       'op-' || lower(a.opd_code), a.opd_code
                from scale_people p
                join allocation a on a.id = p.allocation_id
                join programme g on g.code = a.programme_code
                order by p.kecamatan_code, p.n""";

    /**
     * Σ aid of an allocation ≤ its amount: each person gets an equal share of it, at most Rp 500.000, to the
     * thousand, dated in the allocation's year and never after the last day (the parameter).
     */
    static final String AID = """
                insert into aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code, amount,
                                 aid_date, created_by)
                select b.id, b.nik, a.id, a.programme_code, a.fiscal_year, a.opd_code,
                       least(500000, trunc(a.amount / count(*) over (partition by a.id), -3)),
                       least(make_date(a.fiscal_year, a.planned_month, 1) + p.n % 28, make_date(a.fiscal_year, 12, 31), ?),
                       'op-' || lower(a.opd_code)
                from scale_people p
                join beneficiary b on b.nik = p.nik
                join allocation a on a.id = p.allocation_id
                order by b.id""";

    /** A number in [0, 1) that depends only on {@code key} and {@code salt}: deterministic "randomness". */
    static String random(String key, int salt) {
        return "((hashtextextended(" + key + ", " + salt + ") % 1000000 + 1000000) % 1000000 / 1000000.0)";
    }


    /**
     * The pace of an allocation's synthetic progress (a lateral subquery {@code p} over allocation {@code a}): it
     * climbs linearly to 100 % by the planned month or one month after it; one allocation in seven lags at 40–80 %
     * of that pace (the red and yellow ones of the traffic light).
     */
    private static final String PACE = """
            cross join lateral (select case when {R11} < 1.0 / 7 then 0.4 + 0.4 * {R12} else 1 end as pace,
                                       floor({R13} * 2)::int as late) p"""
            .replace("{R11}", random("a.id::text", 11)).replace("{R12}", random("a.id::text", 12))
            .replace("{R13}", random("a.id::text", 13));

    /** Physical progress at month {@code {M}} at that pace: never decreasing, so no correction is needed. */
    private static final String PHYSICAL = "round(least(100, 100 * p.pace * {M} / (a.planned_month + p.late)), 2)";

    /**
     * A monthly progress report for months 1 to {@code lastMonth} of every generated ACTIVE allocation of a year,
     * written by its OPD's operator at the month's end. The months' texts and times, and each allocation's pace, are
     * computed once (materialised CTEs: inlined, the planner computed them for each of the millions of rows).
     * Parameters: year, last month, year.
     */
    static final String PROGRESS_REPORTS = """
            with m as materialized (select m, 'Laporan kemajuan sintetis bulan ' || m as narrative,
                                           least(make_timestamptz(?, m, 25, 10, 0, 0, 'Asia/Jakarta'), now()) as at
                                    from generate_series(1, ?) m),
                 a as materialized (select a.id, a.fiscal_year, a.planned_month, 'op-' || lower(a.opd_code) as operator,
                                           p.pace, p.late
                                    from allocation a
                                    {PACE}
                                    where a.fiscal_year = ? and a.status = 'ACTIVE' and {GENERATED})
            insert into progress_report (allocation_id, fiscal_year, month, physical_percent, narrative, created_at,
                                         created_by, updated_at, updated_by)
            select a.id, a.fiscal_year, m.m, {PHYSICAL}, m.narrative, m.at, a.operator, m.at, a.operator
            from a
            cross join lateral (select a.pace, a.late) p
            cross join m
            order by a.id, m.m"""
            .replace("{PHYSICAL}", PHYSICAL.replace("{M}", "m.m")).replace("{PACE}", PACE)
            .replace("{GENERATED}", GENERATED);

    /**
     * The latest report of each generated allocation of a year, as the progress capability keeps it for the
     * deviation dashboard: month {@code lastMonth}, whose progress is also the highest (it never decreases), and
     * {@code lastMonth} reports — from the same pace as {@link #PROGRESS_REPORTS} rather than read back from its
     * millions of rows. Parameters: last month (four times), year.
     */
    static final String PROGRESS_LATEST = """
            insert into progress_latest (allocation_id, fiscal_year, month, physical_percent, highest_percent,
                                         report_count)
            select a.id, a.fiscal_year, l.m, {PHYSICAL}, {PHYSICAL}, l.m
            from allocation a
            {PACE}
            cross join (select ?::int as m) l
            where a.fiscal_year = ? and a.status = 'ACTIVE' and {GENERATED}
            order by a.id"""
            .replace("{PHYSICAL}", PHYSICAL.replace("{M}", "l.m")).replace("{PACE}", PACE)
            .replace("{GENERATED}", GENERATED);

    static final String KEY = "e.kecamatan_code || '/' || e.fiscal_year || '/' || s.i";

    /** The key of a tranche's choices: the same text as when each tranche was a statement of its own. */
    static final String TRANCHE_KEY = "a.kecamatan_code || '/' || a.fiscal_year || '/' || a.title || '/' || tr.tranche";

    /**
     * Per envelope of one year: Jambi 30–40 (synthetic 29–33, per the shape) allocations of Rp 1–5 juta,
     * as many as fit in the room left; every 7th a BKBK to a desa of the kecamatan, every 5th other one
     * to the kabupaten/kota, about 2 % cancelled — staged with their ids, so that their disbursements can be
     * staged before them ({@link #STAGE_DISBURSEMENTS}). Ids drawn in order, so that they come out the same on
     * every run. Parameters: Jambi fewest and span, synthetic fewest and span, year.
     */
    static final String STAGE_ALLOCATIONS = """
            create temporary table scale_allocation on commit drop as
            select nextval(pg_get_serial_sequence('allocation', 'id')) as id, x.*
            from (
                select g.fiscal_year, g.kecamatan_code, p.lead_opd_code as opd_code, p.code as programme_code,
                       g.mechanism,
                       case when g.mechanism = 'BANTUAN_KEUANGAN_DESA'
                            then dk.codes[1 + (g.i * 7 + g.salt) % cardinality(dk.codes)] end as desa_code,
                       p.name || ' – kegiatan ' || g.i as title, g.amount, g.planned_month,
                       case when g.cancelled then 'CANCELLED' else 'ACTIVE' end as status,
                       case when g.cancelled then 'Dibatalkan: kegiatan digabung (data sintetis)' end as cancel_reason,
                       g.created_at
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
                order by g.kecamatan_code, g.i
            ) x"""
            .replace("{R1}", random(KEY, 1)).replace("{R2}", random(KEY, 2)).replace("{R3}", random(KEY, 3))
            .replace("{R4}", random(KEY, 4)).replace("{JAMBI}", JAMBI);

    /**
     * Every tranche of every staged ACTIVE allocation (Jambi 4–6, synthetic 2–4 per the shape), for a year that
     * has begun by {@code until}: trunc(amount / tranches) to the thousand, so Σ ≤ amount; dated from the planned
     * month on, 25 days apart, never after {@code until}; submitted by the OPD's operator, decided by the admin.
     * Parameters: until, the VERIFIED / SUBMITTED / REJECTED shares, Jambi and synthetic fewest tranches, until.
     */
    static final String STAGE_DISBURSEMENTS = """
            create temporary table scale_disbursement on commit drop as
            select t.id as allocation_id, t.fiscal_year, t.tranche, t.amount,
                   'SP2D/SINTETIS/' || t.id || '/' || t.tranche as sp2d_number, t.sp2d_date, t.status,
                   case when t.status = 'REJECTED' then 'Lampiran SP2D tidak terbaca (data sintetis)' end as reject_reason,
                   t.sp2d_date + time '09:00' as created_at, t.operator,
                   case when t.status <> 'DRAFT' then t.sp2d_date + time '10:00' end as submitted_at,
                   case when t.status <> 'DRAFT' then t.operator end as submitted_by,
                   case when t.status in ('VERIFIED', 'REJECTED')
                        then least(t.sp2d_date + time '15:00' + interval '2 days', now()) end as decided_at,
                   case when t.status in ('VERIFIED', 'REJECTED') then 'admin' end as decided_by
            from (
                select a.id, a.fiscal_year, tr.tranche, 'op-' || lower(a.opd_code) as operator,
                       trunc(a.amount / n.tranches, -3) as amount,
                       least(make_date(a.fiscal_year, a.planned_month, 1) + (tr.tranche - 1) * 25 + floor({R5} * 20)::int,
                             ?::date) as sp2d_date,
                       case when r.r6 < ? then 'VERIFIED' when r.r6 < ? then 'SUBMITTED'
                            when r.r6 < ? then 'REJECTED' else 'DRAFT' end as status
                from scale_allocation a
                cross join lateral (select case when left(a.kecamatan_code, 2) = '{JAMBI}' then ? else ? end
                                               + (hashtext(a.kecamatan_code || '/' || a.title) & 2147483647) % 3
                                               as tranches) n
                cross join lateral generate_series(1, n.tranches) tr(tranche)
                -- the status's number computed once, not once per branch (offset 0 keeps it from being inlined)
                cross join lateral (select {R6} as r6 offset 0) r
                where a.status = 'ACTIVE' and make_date(a.fiscal_year, 1, 1) <= ?::date
            ) t"""
            .replace("{R5}", random(TRANCHE_KEY, 5)).replace("{R6}", random(TRANCHE_KEY, 6)).replace("{JAMBI}", JAMBI);

    /**
     * The staged allocations, each with Σ non-rejected and Σ verified of its staged disbursements: what the
     * disbursement capability would have moved onto it tranche by tranche, written with the row instead of by an
     * update of a million rows afterwards. Their totals are deferred and added per year ({@link ScaleYearWriter}).
     */
    static final String ALLOCATIONS = """
            insert into allocation (id, fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, desa_code,
                                    title, amount, planned_month, status, cancel_reason, disbursed, realised, created_at,
                                    created_by, updated_at, updated_by)
            overriding system value
            select a.id, a.fiscal_year, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism, a.desa_code,
                   a.title, a.amount, a.planned_month, a.status, a.cancel_reason, coalesce(d.disbursed, 0),
                   coalesce(d.realised, 0), a.created_at, 'admin', a.created_at, 'admin'
            from scale_allocation a
            left join (select allocation_id, sum(amount) filter (where status <> 'REJECTED') as disbursed,
                              sum(amount) filter (where status = 'VERIFIED') as realised
                       from scale_disbursement group by 1) d on d.allocation_id = a.id
            order by a.id""";

    /** The staged disbursements, an allocation's tranches one after the other. */
    static final String DISBURSEMENTS = """
            insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                      reject_reason, created_at, created_by, updated_at, updated_by,
                                      submitted_at, submitted_by, decided_at, decided_by)
            select allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status, reject_reason,
                   created_at, operator, created_at, operator, submitted_at, submitted_by, decided_at, decided_by
            from scale_disbursement
            order by allocation_id, tranche""";

    /**
     * The foreign keys of the tables the generator writes without their row-by-row checks ({@link ScaleConnection}),
     * by table, each checked once per year by the statement that follows: a test compares them with the schema's.
     */
    static final Map<String, List<String>> KEYS_CHECKED_ONCE = Map.of(
            "allocation", List.of("allocation_fiscal_year_kecamatan_code_fkey", "allocation_opd_code_fkey",
                    "allocation_programme_code_fkey", "allocation_desa_code_fkey"),
            "disbursement", List.of("disbursement_allocation_id_fkey"),
            "progress_report", List.of("progress_report_allocation_fkey"));

    /** The allocations of a year whose envelope, OPD, programme or desa does not exist. Parameter: the year. */
    static final String ALLOCATIONS_WITHOUT_KEYS = """
            select count(*) from allocation a
            where a.fiscal_year = ?
              and (not exists (select 1 from envelope e
                               where e.fiscal_year = a.fiscal_year and e.kecamatan_code = a.kecamatan_code)
                   or not exists (select 1 from opd o where o.code = a.opd_code)
                   or not exists (select 1 from programme p where p.code = a.programme_code)
                   or (a.desa_code is not null and not exists (select 1 from desa d where d.code = a.desa_code)))""";

    /** The disbursements of a year whose allocation does not exist. Parameter: the year. */
    static final String DISBURSEMENTS_WITHOUT_KEYS = """
            select count(*) from disbursement d
            where d.fiscal_year = ? and not exists (select 1 from allocation a where a.id = d.allocation_id)""";

    /** The progress reports of a year whose allocation of that year does not exist. Parameter: the year. */
    static final String PROGRESS_REPORTS_WITHOUT_KEYS = """
            select count(*) from progress_report r
            where r.fiscal_year = ?
              and not exists (select 1 from allocation a where a.fiscal_year = r.fiscal_year and a.id = r.allocation_id)""";

    /**
     * The year's generated disbursements added to the kept days ({@code disbursement_day}, V22_36), which the generator
     * deferred for its inserts: counted as the trigger counts a row and added as the trigger's changes are added at
     * commit ({@code disbursement_day_add()}), a day there already (the demo's years) increased.
     */
    static final String DISBURSEMENT_DAYS = """
            insert into disbursement_day_pending (fiscal_year, day, waiting, waiting_amount, verified)
            select c.fiscal_year, c.day, sum(c.waiting), sum(c.waiting_amount), sum(c.verified)
            from disbursement d join scale_allocation s on s.id = d.allocation_id, disbursement_day_change(d, 1) c
            group by 1, 2""";

    /**
     * The tranche numbers of the year's generated allocations ({@code allocation_tranches}, V22_38), which the generator
     * deferred for its inserts: recounted from the year's rows; those of the demo's allocations are there already.
     * Parameter: year.
     */
    static final String ALLOCATION_TRANCHES = """
            insert into allocation_tranches (allocation_id, fiscal_year, opd_code, kecamatan_code, active, draft,
                                             submitted, verified, rejected)
            select * from allocation_tranches_counted(?) order by 1
            on conflict (allocation_id) do nothing""";

    /**
     * What the year's staged allocations add to each cell of {@code allocation_total} (V20_1), counted as
     * {@code allocation_total_change_of} counts a row: numbers of ACTIVE and CANCELLED, money of the ACTIVE ones.
     * Staged once, for the cells and the envelopes. Parameter: year.
     */
    static final String STAGE_CELLS = """
            create temporary table scale_cell on commit drop as
            select a.fiscal_year, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism,
                   count(*) filter (where a.status = 'ACTIVE') as allocations,
                   count(*) filter (where a.status = 'CANCELLED') as cancelled,
                   coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0) as allocated,
                   coalesce(sum(a.disbursed) filter (where a.status = 'ACTIVE'), 0) as disbursed,
                   coalesce(sum(a.realised) filter (where a.status = 'ACTIVE'), 0) as realised
            from allocation a join scale_allocation s on s.id = a.id
            where a.fiscal_year = ?
            group by 1, 2, 3, 4, 5""";

    /**
     * The staged cells added to their envelopes — allocated and number of the ACTIVE allocations, realised (a
     * CANCELLED one has nothing realised) — as the triggers would have added them row by row, had the generator not
     * deferred them (V21_40). The envelope's CHECK (allocated <= pagu) and its closed-year guard apply here.
     */
    static final String ENVELOPE_TOTALS = """
            update envelope e set allocated = e.allocated + t.allocated, allocations = e.allocations + t.allocations,
                                  realised = e.realised + t.realised
            from (select fiscal_year, kecamatan_code, sum(allocated) as allocated, sum(allocations) as allocations,
                         sum(realised) as realised
                  from scale_cell group by 1, 2) t
            where e.fiscal_year = t.fiscal_year and e.kecamatan_code = t.kecamatan_code""";

    /**
     * The year's roll-up ({@code allocation_rollup}, V22_32, V22_39, V22_40) counted anew from its allocations and
     * their latest reports, after {@link #ALLOCATION_ROLLUP_CLEARED}: the generator deferred it for its own inserts, and
     * a year the demo opened (2025, 2026) holds the demo's allocations, whose inserts added theirs. What
     * {@code allocation_rollup_changes_of} and {@code allocation_rollup_cells} make of each allocation, five changes,
     * summed — written here as sums per cell (a kecamatan, OPD, programme and mechanism), then the other levels as sums
     * of the cells: at national scale 220,000 allocations grouped once instead of 1.1 million changes built as an
     * array and grouped (7 instead of 14–25 s a year). {@code ScaleDataGeneratorTest} compares the outcome with
     * {@code allocation_rollup_differences}, which counts with those functions: a level added to them fails it until
     * it is added here. Parameter: year.
     */
    static final String ALLOCATION_ROLLUP = """
            insert into allocation_rollup (fiscal_year, level, region_code, opd_code, programme_code, mechanism,
                                           allocations, cancelled, amount, disbursed, realised, physical, planned_by,
                                           unreported_before)
            with cell as (
                select a.fiscal_year, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism,
                       count(*) filter (where active) as allocations, count(*) filter (where not active) as cancelled,
                       coalesce(sum(a.amount) filter (where active), 0) as amount,
                       coalesce(sum(a.disbursed) filter (where active), 0) as disbursed,
                       coalesce(sum(a.realised) filter (where active), 0) as realised,
                       coalesce(sum(a.amount * coalesce(r.physical_percent, 0)) filter (where active), 0) as physical,
                       {PLANNED_BY} as planned_by, {UNREPORTED_BEFORE} as unreported_before
                from allocation a left join progress_latest r on r.allocation_id = a.id,
                     lateral (select a.status = 'ACTIVE') s (active)
                where a.fiscal_year = ?
                group by 1, 2, 3, 4, 5)
            select c.fiscal_year, l.level, l.region_code, l.opd_code, l.programme_code, l.mechanism,
                   sum(c.allocations), sum(c.cancelled), sum(c.amount), sum(c.disbursed), sum(c.realised),
                   sum(c.physical), {PLANNED_BY_SUMMED}, {UNREPORTED_BEFORE_SUMMED}
            from cell c,
                 lateral (values (0::smallint, '*'::varchar, c.opd_code, c.programme_code, c.mechanism),
                                 (1::smallint, left(c.kecamatan_code, 5)::varchar, c.opd_code, c.programme_code,
                                  c.mechanism),
                                 (2::smallint, c.kecamatan_code, '*'::varchar, '*'::varchar, '*'::varchar),
                                 (3::smallint, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism),
                                 (4::smallint, left(c.kecamatan_code, 5)::varchar, '*'::varchar, '*'::varchar,
                                  '*'::varchar)) l (level, region_code, opd_code, programme_code, mechanism)
            group by 1, 2, 3, 4, 5, 6
            order by 1, 2, 3, 4, 5, 6"""
            .replace("{PLANNED_BY}", months("coalesce(sum(a.amount) filter (where active and a.planned_month <= %d), 0)"))
            .replace("{UNREPORTED_BEFORE}",
                    months("coalesce(sum(a.amount) filter (where active and coalesce(r.month, 0) < %d), 0)"))
            .replace("{PLANNED_BY_SUMMED}", months("sum(c.planned_by[%d])"))
            .replace("{UNREPORTED_BEFORE_SUMMED}", months("sum(c.unreported_before[%d])"));

    /** The year's roll-up rows, before {@link #ALLOCATION_ROLLUP} counts them anew. Parameter: year. */
    static final String ALLOCATION_ROLLUP_CLEARED = "delete from allocation_rollup where fiscal_year = ?";

    /** An array of twelve months, the figure of month m written by the format with m. */
    private static String months(String figure) {
        return IntStream.rangeClosed(1, 12).mapToObj(figure::formatted).collect(Collectors.joining(", ", "array[", "]"));
    }

    /**
     * The staged cells added to {@code allocation_total} in key order, a cell that is not there yet inserted: one
     * statement where the statement trigger adds cell by cell, which it must since its changes may be negative (a
     * proposed row is checked before its conflict is seen); these are all additions.
     */
    static final String ALLOCATION_TOTALS = """
            insert into allocation_total as t (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism,
                                               allocations, cancelled, allocated, disbursed, realised)
            select * from scale_cell
            order by 1, 2, 3, 4, 5
            on conflict (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism) do update
                set allocations = t.allocations + excluded.allocations, cancelled = t.cancelled + excluded.cancelled,
                    allocated = t.allocated + excluded.allocated, disbursed = t.disbursed + excluded.disbursed,
                    realised = t.realised + excluded.realised""";
}
