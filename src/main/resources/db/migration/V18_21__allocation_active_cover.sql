-- The deviation dashboard (issue 15) sums a year's active allocations by OPD, kecamatan or programme: with these
-- columns in an index of the active ones it reads the index alone instead of every heap page of the year. The
-- price: a change of what an allocation has realised is no longer a HOT update (one more index entry to write).
CREATE INDEX allocation_active_year_cover_idx ON allocation (fiscal_year)
    INCLUDE (id, kecamatan_code, opd_code, programme_code, amount, realised, planned_month)
    WHERE status = 'ACTIVE';
