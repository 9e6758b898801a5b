package id.go.jambiprov.dumisake.demo.scale;

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
     * Σ non-rejected and Σ verified disbursements per allocation of the years, and the verified per envelope,
     * recounted from the rows (the demo years' earlier disbursements included).
     */
    static final String DISBURSEMENT_TOTALS = """
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

    /**
     * A monthly progress report for months 1 to {@code lastMonth} of every generated ACTIVE allocation of a year,
     * written by its OPD's operator at the month's end. Physical progress climbs linearly to 100 % by the
     * planned month or one month after it; one allocation in seven lags at 40–80 % of that pace (the red and
     * yellow ones of the traffic light). Never decreasing, so no correction is needed. Parameters: last month,
     * year.
     */
    static final String PROGRESS_REPORTS = """
            insert into progress_report (allocation_id, fiscal_year, month, physical_percent, narrative, created_at,
                                         created_by, updated_at, updated_by)
            select a.id, a.fiscal_year, m.m,
                   round(least(100, 100 * p.pace * m.m / (a.planned_month + p.late)), 2),
                   'Laporan kemajuan sintetis bulan ' || m.m,
                   least(make_timestamptz(a.fiscal_year, m.m, 25, 10, 0, 0, 'Asia/Jakarta'), now()),
                   'op-' || lower(a.opd_code),
                   least(make_timestamptz(a.fiscal_year, m.m, 25, 10, 0, 0, 'Asia/Jakarta'), now()),
                   'op-' || lower(a.opd_code)
            from allocation a
            cross join lateral (select case when {R11} < 1.0 / 7 then 0.4 + 0.4 * {R12} else 1 end as pace,
                                       floor({R13} * 2)::int as late) p
            cross join generate_series(1, ?) m(m)
            where a.fiscal_year = ? and a.status = 'ACTIVE' and {GENERATED}
            order by a.id, m.m"""
            .replace("{R11}", random("a.id::text", 11)).replace("{R12}", random("a.id::text", 12))
            .replace("{R13}", random("a.id::text", 13)).replace("{GENERATED}", GENERATED);

    /**
     * The latest report of each allocation of a year that has reports, as the progress capability keeps it for the
     * deviation dashboard (the statement its LatestReports runs, for a whole year). Parameter: year.
     */
    static final String PROGRESS_LATEST = """
            insert into progress_latest (allocation_id, fiscal_year, month, physical_percent, highest_percent,
                                         report_count)
            select distinct on (r.allocation_id) r.allocation_id, r.fiscal_year, r.month, r.physical_percent,
                   max(r.physical_percent) over w, count(*) over w
            from progress_report r where r.fiscal_year = ?
            window w as (partition by r.allocation_id)
            order by r.allocation_id, r.month desc
            on conflict (allocation_id) do update set fiscal_year = excluded.fiscal_year, month = excluded.month,
                physical_percent = excluded.physical_percent, highest_percent = excluded.highest_percent,
                report_count = excluded.report_count""";

    static final String KEY = "e.kecamatan_code || '/' || e.fiscal_year || '/' || s.i";

    /**
     * Per envelope of one year: Jambi 30–40 (synthetic 29–33, per the shape) allocations of Rp 1–5 juta,
     * as many as fit in the room left; every 7th a BKBK to a desa of the kecamatan, every 5th other one
     * to the kabupaten/kota, about 2 % cancelled. Ordered so that the ids come out the same on every run.
     * Parameters: Jambi fewest and span, synthetic fewest and span, year.
     */
    static final String ALLOCATIONS = """
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
    static String disbursements(int tranche) {
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
