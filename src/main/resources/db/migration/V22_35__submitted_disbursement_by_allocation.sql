-- The submitted tranches by allocation: the overdue list of the dashboards (allocations past their planned month with
-- nothing realised and no tranche waiting for verification) asks this of each of its candidates. Without it, the
-- question was answered by hashing every submitted tranche of every year (93,000 at national scale): 15–18 ms of the
-- province page; with it, one index probe per candidate (3,500): 6–7 ms. Small (submitted tranches only); a tranche
-- enters it when submitted and leaves it when verified or rejected, updates that change indexed columns anyway.
CREATE INDEX disbursement_submitted_allocation_idx ON disbursement (allocation_id) WHERE status = 'SUBMITTED';
