-- A progress report's year is its allocation's: one foreign key on both columns instead of one to the allocation and
-- one to the fiscal year. It says more — a report cannot carry another year than its allocation's, which every writer
-- copies from the allocation already (the report form, the take-over, the scale generator) and the deviation and
-- S-curve read by the report's year — and it is checked once per row instead of twice: the two checks were half of the
-- time that writing reports takes (~30 s of the 2.6 million of one national year). The fiscal year stays referenced
-- through the allocation's own foreign key.

-- (fiscal_year, id) is unique as id is: the index the lists already use becomes the key the foreign key needs
CREATE UNIQUE INDEX allocation_year_id_key ON allocation (fiscal_year, id);
DROP INDEX allocation_year_id_idx;
ALTER INDEX allocation_year_id_key RENAME TO allocation_year_id_idx;

ALTER TABLE progress_report
    ADD CONSTRAINT progress_report_allocation_fkey FOREIGN KEY (fiscal_year, allocation_id)
        REFERENCES allocation (fiscal_year, id),
    DROP CONSTRAINT progress_report_allocation_id_fkey,
    DROP CONSTRAINT progress_report_fiscal_year_fkey;
