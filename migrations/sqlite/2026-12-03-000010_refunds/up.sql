-- Refunds of credit held for a debtor (overpayments). The ledger records each as two postings
-- (unapplied released, money out on payment) whose description names the refund; a refund is
-- never changed or deleted.
CREATE TABLE refunds (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- Positive, in minor units of the case currency.
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    -- How the money went back: bank_transfer, card, direct_debit, cash, cheque or other.
    method TEXT NOT NULL,
    -- The outgoing transfer's reference.
    reference TEXT,
    reason TEXT NOT NULL,
    refunded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX refunds_case_id ON refunds (case_id, id);
CREATE INDEX refunds_organisation_id ON refunds (organisation_id);
