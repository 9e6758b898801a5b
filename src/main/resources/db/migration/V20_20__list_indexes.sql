-- Issue 20: the list pages (allocations, disbursements, beneficiaries, audit trail) read one page through an
-- index that matches their filter and their default order, instead of sorting every row of a year or of the
-- table on every page. Each index below is named for the list it serves.

-- Allocations, newest first within a year (/alokasi, the API, the work list of /pencairan), within a kecamatan
-- (the envelope's page) and within an OPD (an operator's lists: always their own OPD). The two indexes of V4
-- gain the id as last column, so that they still serve everything they served and also give the rows of one
-- year and kecamatan, or one OPD and year, in id order.
CREATE INDEX allocation_year_id_idx ON allocation (fiscal_year, id);
DROP INDEX allocation_envelope_idx;
CREATE INDEX allocation_envelope_idx ON allocation (fiscal_year, kecamatan_code, id);
DROP INDEX allocation_opd_idx;
CREATE INDEX allocation_opd_idx ON allocation (opd_code, fiscal_year, id);

-- Beneficiaries found by part of their name (ILIKE '%…%'), and listed by name: trigrams find the few that
-- match among 200,000; the name index gives a common name's matches already in order.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX beneficiary_name_trgm_idx ON beneficiary USING gin (name gin_trgm_ops);
CREATE INDEX beneficiary_name_idx ON beneficiary (name, id);

-- The audit trail, newest first (occurred_at, then id for events of the same instant), in all and for one
-- kind of record or one action; the action index also lists the actions recorded so far without reading
-- every event (the filter's choices).
DROP INDEX audit_event_time_idx;
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_type_time_idx ON audit_event (entity_type, occurred_at DESC, id DESC);
CREATE INDEX audit_event_action_time_idx ON audit_event (action, occurred_at DESC, id DESC);

-- Lists ordered by kecamatan name (the work list of /pencairan, /alokasi?sort=kecamatan): the kecamatan in name
-- order, each one's allocations of the year from allocation_envelope_idx, so that a page reads its rows only.
CREATE INDEX kecamatan_name_idx ON kecamatan (name, code);
