-- Issue 20, national scale (7,144 kecamatan, 220,000 allocations a year): the province page's figures read
-- indexes that hold their answer in order instead of every allocation or every kept cell of the year.

-- The breakdown by OPD, programme and mechanism, and the footer of a year's allocation list, add up a year's kept
-- cells (some 80,000 at national scale): with the grouping columns first and every figure included they read this
-- index alone, already grouped, instead of the table and a hash of it (the breakdown measured 69 → 17 ms). The
-- price: a kept cell's change is no longer a HOT update, one index entry more per allocation write.
CREATE INDEX allocation_total_breakdown_idx ON allocation_total (fiscal_year, opd_code, programme_code, mechanism)
    INCLUDE (allocations, cancelled, allocated, disbursed, realised);

-- "Lewat bulan rencana": active allocations past their planned month with nothing realised, earliest month and
-- largest amount first. Only the few without realisation are in this index, so the warning and its number read
-- those (3,500 at national scale) instead of every active allocation of the year (measured 73 → a few ms).
CREATE INDEX allocation_overdue_idx ON allocation (fiscal_year, planned_month, amount DESC, id)
    WHERE status = 'ACTIVE' AND realised = 0;

-- "Tanpa target keluaran": the first active allocations without an output target in the same order, read in index
-- order until a page is full, instead of sorting the year's active allocations; their number is counted apart.
CREATE INDEX allocation_active_month_order_idx ON allocation (fiscal_year, planned_month, amount DESC, id)
    WHERE status = 'ACTIVE';
