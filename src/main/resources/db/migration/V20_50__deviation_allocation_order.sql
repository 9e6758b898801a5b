-- The deviation dashboard's view of every allocation (issue 15) pages through a year's active allocations in
-- kecamatan order: with the key and the OPD (an operator's scope) in a partial index of the active ones, a page
-- further on skips the rows before it in the index alone, and only its own rows are read from the table.
CREATE INDEX allocation_active_kecamatan_order_idx ON allocation (fiscal_year, kecamatan_code, id)
    INCLUDE (opd_code) WHERE status = 'ACTIVE';
