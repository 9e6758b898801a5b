-- Dashboard benchmark data: five fiscal years at Jambi scale.
--
-- Run against a throw-away database that already holds the application's schema, the Jambi master data
-- (144 kecamatan, 1,585 desa/kelurahan, OPDs, programmes) and the demo years 2025/2026 of the default
-- profile — i.e. the embedded database of a freshly started application:
--
--   psql -X -v ON_ERROR_STOP=1 -h localhost -p $PORT -U postgres -d postgres -f bench/dashboard-generate.sql
--
-- It adds fiscal years 2022, 2023 and 2024 (pagu Rp 2.000.000.000 per kecamatan, one envelope per
-- kecamatan; closed at the end, as past years are) and, in all five years, 30-40 small allocations
-- (Rp 1-5 juta) per kecamatan where the envelope still has room, each ACTIVE one with 4-6 tranches of
-- disbursements whose sum stays below the allocation. Every write goes through the schema's triggers
-- and CHECKs (envelope.allocated / realised, allocation.disbursed / realised, SP2D unique per year and
-- dated inside the year, submitter != verifier, reject reason). Set-based (generate_series), no audit
-- events (these rows are not written through the application). Deterministic: setseed below.
-- Refuses to run twice (fiscal year 2022 must not exist yet).

\set ON_ERROR_STOP on
\timing on

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM fiscal_year WHERE year = 2022) THEN
        RAISE EXCEPTION 'fiscal year 2022 exists already: dashboard-generate.sql has run on this database';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM fiscal_year WHERE year = 2026) THEN
        RAISE EXCEPTION 'fiscal year 2026 missing: start the application with the default profile (demo data) first';
    END IF;
END $$;

BEGIN;

SELECT setseed(0.2026);

-- 1. Three more fiscal years, open while they are filled (the triggers refuse writes into closed years).
INSERT INTO fiscal_year (year, pagu_per_kecamatan, status, opened_at, opened_by)
SELECT y, 2000000000.00, 'OPEN', make_timestamptz(y, 1, 2, 8, 0, 0, 'Asia/Jakarta'), 'admin'
FROM generate_series(2022, 2024) AS y;

INSERT INTO envelope (fiscal_year, kecamatan_code, pagu)
SELECT y, c.code, 2000000000.00
FROM generate_series(2022, 2024) AS y CROSS JOIN kecamatan c;

-- 2. Allocations: per envelope of all five years 30-40 of Rp 1-5 juta (whole juta), as many as fit in the
--    room the envelope has left (the demo fills some 2025/2026 envelopes to the last rupiah: those get none).
--    Every 7th is a BKBK to a desa of the kecamatan; about 2 % are cancelled.
INSERT INTO allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, desa_code, title,
                        amount, planned_month, status, cancel_reason, created_at, created_by, updated_at, updated_by)
SELECT g.fiscal_year, g.kecamatan_code, p.lead_opd_code, p.code, g.mechanism,
       CASE WHEN g.mechanism = 'BANTUAN_KEUANGAN_DESA'
            THEN dk.codes[1 + (g.i * 7 + g.salt) % cardinality(dk.codes)] END,
       p.name || ' – kegiatan ' || g.i,
       g.amount, g.planned_month,
       CASE WHEN g.cancelled THEN 'CANCELLED' ELSE 'ACTIVE' END,
       CASE WHEN g.cancelled THEN 'Dibatalkan: kegiatan digabung (data benchmark)' END,
       g.created_at, 'admin', g.created_at, 'admin'
FROM (
    SELECT e.fiscal_year, e.kecamatan_code, s.i, abs(hashtext(e.kecamatan_code)) % 97 AS salt,
           CASE WHEN s.i % 7 = 0 THEN 'BANTUAN_KEUANGAN_DESA'
                WHEN s.i % 5 = 0 THEN 'BANTUAN_KEUANGAN_KABKOTA'
                ELSE 'BELANJA_OPD' END AS mechanism,
           (1 + floor(random() * 5))::numeric * 1000000 AS amount,
           1 + floor(random() * 12)::int AS planned_month,
           random() < 0.02 AS cancelled,
           make_timestamptz(e.fiscal_year, 1, 5, 9, 0, 0, 'Asia/Jakarta') + random() * interval '60 days' AS created_at
    FROM envelope e
    CROSS JOIN LATERAL generate_series(1, least(30 + abs(hashtext(e.kecamatan_code || e.fiscal_year)) % 11,
                                                floor((e.pagu - e.allocated) / 5000000)::int)) AS s(i)
) g
JOIN (SELECT left(code, 8) AS kecamatan_code, array_agg(code ORDER BY code) AS codes
      FROM desa GROUP BY 1) dk ON dk.kecamatan_code = g.kecamatan_code
JOIN programme p ON p.code = CASE WHEN g.mechanism = 'BANTUAN_KEUANGAN_DESA' THEN 'BKBK-DESA'
    ELSE (ARRAY['BEASISWA', 'BANTUAN-PENDIDIKAN', 'INTERNET-DESA', 'JAMINAN-KESEHATAN', 'BEDAH-RUMAH',
                'MODAL-UMKM', 'PERKEBUNAN', 'KETAHANAN-PANGAN', 'INSENTIF-KEAGAMAAN',
                'PERLINDUNGAN-SOSIAL'])[1 + (g.i + g.salt) % 10] END;

-- 3. Disbursements: 4-6 tranches per new ACTIVE allocation, each trunc(amount / tranches) to the thousand
--    (Σ ≤ amount), dated in the planned month and after it, inside the year (2026: before 28 Nov).
--    Past years mostly VERIFIED (a few REJECTED); 2025 and 2026 also SUBMITTED and DRAFT ones.
INSERT INTO disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, remark, status,
                          reject_reason, created_at, created_by, updated_at, updated_by,
                          submitted_at, submitted_by, decided_at, decided_by)
SELECT t.allocation_id, t.fiscal_year, t.tranche, t.amount, t.sp2d_number, t.sp2d_date, NULL, t.status,
       CASE WHEN t.status = 'REJECTED' THEN 'Lampiran SP2D tidak terbaca (data benchmark)' END,
       t.sp2d_date::timestamptz, 'operator', t.sp2d_date::timestamptz, 'operator',
       CASE WHEN t.status <> 'DRAFT' THEN t.sp2d_date + time '10:00' END,
       CASE WHEN t.status <> 'DRAFT' THEN 'operator' END,
       CASE WHEN t.status IN ('VERIFIED', 'REJECTED') THEN t.sp2d_date + time '15:00' + interval '2 days' END,
       CASE WHEN t.status IN ('VERIFIED', 'REJECTED') THEN 'verifikator' END
FROM (
    SELECT a.id AS allocation_id, a.fiscal_year, s.tranche,
           trunc(a.amount / n.tranches, -3) AS amount,
           'SP2D/BENCH/' || a.id || '/' || s.tranche AS sp2d_number,
           least(make_date(a.fiscal_year, a.planned_month, 1) + (s.tranche - 1) * 25 + floor(r.d * 20)::int,
                 CASE WHEN a.fiscal_year = 2026 THEN date '2026-11-27' ELSE make_date(a.fiscal_year, 12, 31) END)
               AS sp2d_date,
           CASE WHEN a.fiscal_year <= 2024 THEN CASE WHEN r.s < 0.96 THEN 'VERIFIED' ELSE 'REJECTED' END
                WHEN a.fiscal_year = 2025 THEN CASE WHEN r.s < 0.90 THEN 'VERIFIED' WHEN r.s < 0.94 THEN 'SUBMITTED'
                                                    WHEN r.s < 0.98 THEN 'REJECTED' ELSE 'DRAFT' END
                ELSE CASE WHEN r.s < 0.80 THEN 'VERIFIED' WHEN r.s < 0.90 THEN 'SUBMITTED'
                          WHEN r.s < 0.95 THEN 'REJECTED' ELSE 'DRAFT' END
           END AS status
    FROM allocation a
    CROSS JOIN LATERAL (SELECT 4 + (a.id % 3)::int AS tranches) n
    CROSS JOIN LATERAL generate_series(1, n.tranches) AS s(tranche)
    CROSS JOIN LATERAL (SELECT random() AS d, random() AS s, s.tranche AS dep) r
    WHERE a.status = 'ACTIVE' AND a.title LIKE '% – kegiatan %' AND a.created_by = 'admin'
      AND NOT EXISTS (SELECT 1 FROM disbursement x WHERE x.allocation_id = a.id)
) t;

-- 4. The past years are closed, as they would be.
UPDATE fiscal_year SET status = 'CLOSED', closed_at = make_timestamptz(year + 1, 2, 15, 16, 0, 0, 'Asia/Jakarta'),
                       closed_by = 'admin', version = version + 1
WHERE year BETWEEN 2022 AND 2024;

COMMIT;

\timing off

SELECT (SELECT count(*) FROM fiscal_year) AS fiscal_years,
       (SELECT count(*) FROM envelope) AS envelopes,
       (SELECT count(*) FROM allocation WHERE status = 'ACTIVE') AS active_allocations,
       (SELECT count(*) FROM allocation) AS allocations,
       (SELECT count(*) FROM disbursement) AS disbursements;
