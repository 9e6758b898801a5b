-- An SP2D number is one number whatever its letter case: the service already compares without case, and
-- now the database agrees, so two requests racing with "abc" and "ABC" cannot both be saved.
ALTER TABLE disbursement DROP CONSTRAINT disbursement_sp2d_unique_in_year;
CREATE UNIQUE INDEX disbursement_sp2d_unique_in_year ON disbursement (fiscal_year, lower(sp2d_number));
