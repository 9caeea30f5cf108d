-- Bank reconciliation: the agency's bank statements (ISO 20022 camt.053 / camt.054) as imported,
-- one row per transaction detail, and what each was matched to. Money in integer minor units.
CREATE TABLE bank_statements (
    id TEXT PRIMARY KEY NOT NULL,
    -- The organisation that imported it (the agency); every read is scoped by it.
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- `camt.053.001.02` … `camt.054.001.10`, from the document's namespace.
    message_type TEXT NOT NULL,
    message_id TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    account_iban TEXT,
    account_other_id TEXT,
    -- The IBAN, else the bank's own account id: with the statement id, what makes an import a
    -- repeat.
    account_key TEXT NOT NULL,
    -- Whether the IBAN is one of the configured collection accounts (a statement of any other
    -- account is imported and flagged).
    collection_account BOOLEAN NOT NULL,
    currency TEXT NOT NULL,
    opening_balance_minor BIGINT,
    closing_balance_minor BIGINT,
    entry_count BIGINT NOT NULL,
    -- SHA-256 of the file as received.
    file_sha256 TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX bank_statements_once ON bank_statements (organisation_id, account_key, statement_id);

CREATE TABLE bank_transactions (
    id TEXT PRIMARY KEY NOT NULL,
    bank_statement_id TEXT NOT NULL REFERENCES bank_statements (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    entry_number BIGINT NOT NULL,
    detail_number BIGINT NOT NULL,
    -- The bank's entry status: BOOK, PDNG, INFO, FUTR.
    entry_status TEXT NOT NULL,
    booking_date DATE,
    value_date DATE,
    -- `credit` or `debit`, from CdtDbtInd alone.
    direction TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL,
    reversal_indicator BOOLEAN NOT NULL,
    counterparty_name TEXT,
    counterparty_iban TEXT,
    end_to_end_id TEXT,
    bank_reference TEXT,
    -- JSON list of {"reference", "scheme", "issuer"}.
    creditor_references TEXT NOT NULL,
    remittance_text TEXT,
    -- JSON list of return reason codes.
    return_reasons TEXT NOT NULL,
    -- unmatched, matched, review or ignored.
    status TEXT NOT NULL,
    -- structured_rf, text_rf, reference_and_debtor, return, manual.
    match_method TEXT,
    -- Why it waits for review or was ignored.
    status_reason TEXT,
    -- The case the matching found when it could not post the payment (review).
    candidate_case_id TEXT REFERENCES cases (id),
    -- The matched credit a return reversed.
    reverses_transaction_id TEXT REFERENCES bank_transactions (id),
    updated_by TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX bank_transactions_bank_statement_id ON bank_transactions (bank_statement_id, id);
CREATE INDEX bank_transactions_organisation_id ON bank_transactions (organisation_id, status, id);
CREATE INDEX bank_transactions_end_to_end_id ON bank_transactions (organisation_id, end_to_end_id);
CREATE INDEX bank_transactions_candidate_case_id ON bank_transactions (candidate_case_id);
CREATE INDEX bank_transactions_reverses_transaction_id ON bank_transactions (reverses_transaction_id);

-- A transaction's payments: one per case it pays (a split pays several). A match is removed when
-- the transaction is unmatched; the payment stays, reversed.
CREATE TABLE bank_transaction_matches (
    id TEXT PRIMARY KEY NOT NULL,
    bank_transaction_id TEXT NOT NULL REFERENCES bank_transactions (id),
    case_id TEXT NOT NULL REFERENCES cases (id),
    payment_id TEXT REFERENCES payments (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX bank_transaction_matches_bank_transaction_id ON bank_transaction_matches (bank_transaction_id);
CREATE INDEX bank_transaction_matches_case_id ON bank_transaction_matches (case_id);
CREATE INDEX bank_transaction_matches_payment_id ON bank_transaction_matches (payment_id);
