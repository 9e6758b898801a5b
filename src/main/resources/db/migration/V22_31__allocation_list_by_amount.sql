-- Issue 20, national scale: the allocation list sorted by amount (largest first is what a reviewer asks for) read
-- its page by sorting all 220,000 allocations of the year on every request (190 ms for one client). In this index
-- a page is read in order, backwards for the largest first; ascending, the ties of an amount are sorted by id alone.
CREATE INDEX allocation_year_amount_idx ON allocation (fiscal_year, amount, id);
