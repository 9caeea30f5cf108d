-- A case's postings are read in (effective_date, id) order for every balance and case screen;
-- with the id in the index they come out in that order, without a sort per read.
DROP INDEX ledger_postings_case_id;
CREATE INDEX ledger_postings_case_id ON ledger_postings (case_id, effective_date, id);
