-- Payments on a case: money the agency received, or money the creditor reports it received
-- directly. A payment is never updated except to record its reversal, and never deleted: the
-- ledger postings it made (allocations onto principal, interest, compensation and costs, and any
-- unapplied remainder) carry its id, and a reversal adds the negated postings under the same id.
CREATE TABLE payments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- The creditor organisation the case belongs to (remittances are per creditor).
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- `agency` (money on the agency's account) or `creditor` (a direct payment).
    received_by TEXT NOT NULL,
    -- Positive, in minor units of the case currency.
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    -- The day the money arrived; allocation and interest use it.
    value_date DATE NOT NULL,
    -- bank_transfer, card, direct_debit, cash, cheque or other.
    method TEXT NOT NULL,
    bank_reference TEXT,
    payer TEXT,
    -- The invoice the payer designated, and whether the designation counted.
    designated_invoice_id TEXT REFERENCES invoices (id),
    designation_honoured BOOLEAN NOT NULL,
    -- The user or API key that recorded it.
    recorded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    reversed_at TIMESTAMP,
    reversal_reason TEXT,
    reversed_by TEXT
);
CREATE INDEX payments_case_id ON payments (case_id, id);
CREATE INDEX payments_organisation_id ON payments (organisation_id, id);
CREATE INDEX payments_designated_invoice_id ON payments (designated_invoice_id);

ALTER TABLE ledger_postings ADD COLUMN payment_id TEXT REFERENCES payments (id);
CREATE INDEX ledger_postings_payment_id ON ledger_postings (payment_id);
