-- SQLite cannot drop a column that takes part in a foreign key: rebuild the ledger without it.
CREATE TABLE ledger_postings_before_payments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    invoice_id TEXT REFERENCES invoices (id),
    account TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    effective_date DATE NOT NULL,
    description TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO ledger_postings_before_payments
    SELECT id, case_id, invoice_id, account, amount_minor, currency, effective_date, description,
           created_at
    FROM ledger_postings WHERE payment_id IS NULL;
DROP TABLE ledger_postings;
ALTER TABLE ledger_postings_before_payments RENAME TO ledger_postings;
CREATE INDEX ledger_postings_case_id ON ledger_postings (case_id, effective_date);
CREATE INDEX ledger_postings_invoice_id ON ledger_postings (invoice_id);
DROP TABLE payments;
