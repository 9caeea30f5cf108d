DROP INDEX ledger_postings_case_id;
CREATE INDEX ledger_postings_case_id ON ledger_postings (case_id, effective_date);
