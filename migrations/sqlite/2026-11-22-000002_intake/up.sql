-- Case intake and tracking: debtors, cases with their invoices, the ledger, the timeline,
-- messages, documents, quotes, collector coverage and idempotency keys.

CREATE TABLE debtors (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    legal_name TEXT NOT NULL,
    registration_number TEXT,
    vat_id TEXT,
    country TEXT NOT NULL,
    address_line1 TEXT,
    address_line2 TEXT,
    postal_code TEXT,
    city TEXT,
    region TEXT,
    address_country TEXT,
    -- JSON array of {name, email, phone, role}: read and written whole with the debtor.
    contacts TEXT NOT NULL DEFAULT '[]',
    preferred_language TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One debtor per creditor per VAT id and per registration number.
CREATE UNIQUE INDEX debtors_vat_id ON debtors (organisation_id, vat_id) WHERE vat_id IS NOT NULL;
CREATE UNIQUE INDEX debtors_registration_number ON debtors (organisation_id, country, registration_number)
    WHERE registration_number IS NOT NULL;
CREATE INDEX debtors_organisation_updated ON debtors (organisation_id, updated_at);

-- Which debtor countries and languages a collector works; '*' as language means any.
CREATE TABLE collector_coverage (
    user_id TEXT NOT NULL REFERENCES users (id),
    country TEXT NOT NULL,
    language TEXT NOT NULL,
    PRIMARY KEY (user_id, country, language)
);
CREATE INDEX collector_coverage_country ON collector_coverage (country, language);

-- Named counters (case numbers feed the RF creditor references).
CREATE TABLE sequences (
    name TEXT PRIMARY KEY NOT NULL,
    value BIGINT NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('case_number', 100000);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- The quote as served, JSON, so that GET returns exactly what POST did.
    body TEXT NOT NULL,
    -- The fee schedule the quote was computed with, JSON; a case placed with the quote keeps it.
    fee_terms TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX quotes_organisation_id ON quotes (organisation_id, id);

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    debtor_id TEXT NOT NULL REFERENCES debtors (id),
    case_number BIGINT NOT NULL,
    rf_reference TEXT NOT NULL,
    creditor_reference TEXT NOT NULL,
    currency TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    -- The state's name, for filtering, and the full domain state (return targets of paused and
    -- disputed, recorded approvals) as JSON.
    state TEXT NOT NULL,
    state_detail TEXT NOT NULL,
    outcome TEXT,
    collector_id TEXT REFERENCES users (id),
    -- Percent per year as a decimal string; overrides the statutory rate when set.
    contractual_interest_rate TEXT,
    notes TEXT,
    quote_id TEXT REFERENCES quotes (id),
    fee_terms TEXT NOT NULL,
    resume_on DATE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX cases_case_number ON cases (case_number);
CREATE UNIQUE INDEX cases_rf_reference ON cases (rf_reference);
CREATE UNIQUE INDEX cases_creditor_reference ON cases (organisation_id, creditor_reference);
CREATE INDEX cases_debtor_id ON cases (debtor_id);
CREATE INDEX cases_collector_id ON cases (collector_id, state);
CREATE INDEX cases_quote_id ON cases (quote_id);
CREATE INDEX cases_organisation_updated ON cases (organisation_id, updated_at);
CREATE INDEX cases_organisation_state ON cases (organisation_id, state);
CREATE INDEX cases_resume_on ON cases (resume_on) WHERE resume_on IS NOT NULL;

CREATE TABLE invoices (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    number TEXT NOT NULL,
    issue_date DATE NOT NULL,
    due_date DATE NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
-- De-duplication by the creditor's own invoice number.
CREATE UNIQUE INDEX invoices_number ON invoices (organisation_id, number);
CREATE INDEX invoices_case_id ON invoices (case_id);

-- Every amount on a case is a posting; balances are sums, never stored figures.
CREATE TABLE ledger_postings (
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
CREATE INDEX ledger_postings_case_id ON ledger_postings (case_id, effective_date);
CREATE INDEX ledger_postings_invoice_id ON ledger_postings (invoice_id);

CREATE TABLE case_events (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    occurred_at TIMESTAMP NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT,
    kind TEXT NOT NULL,
    state_before TEXT,
    state_after TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case_id ON case_events (case_id, id);

CREATE TABLE messages (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    author_id TEXT NOT NULL,
    author_side TEXT NOT NULL CHECK (author_side IN ('creditor', 'agency')),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_case_id ON messages (case_id, id);

CREATE TABLE message_reads (
    message_id TEXT NOT NULL REFERENCES messages (id),
    reader_id TEXT NOT NULL,
    read_at TIMESTAMP NOT NULL,
    PRIMARY KEY (message_id, reader_id)
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX documents_case_id ON documents (case_id, id);

-- Replays of create requests: the same key and body answer the first response again.
CREATE TABLE idempotency_keys (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
