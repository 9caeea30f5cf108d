-- What a creditor accepts from a debtor without a collector looking: a plan asked for in the
-- portal within these limits is agreed at once. No row: the agency's defaults
-- (solvo_domain::portal::plan_limits::AGENCY_DEFAULTS). The smallest instalment is an amount in
-- one currency; cases in another currency get the agency's default smallest instalment.
CREATE TABLE plan_limits (
    organisation_id TEXT PRIMARY KEY NOT NULL REFERENCES organisations (id),
    max_instalments INTEGER NOT NULL CHECK (max_instalments > 0),
    -- Positive, in minor units of min_instalment_currency.
    min_instalment_minor BIGINT NOT NULL CHECK (min_instalment_minor > 0),
    min_instalment_currency TEXT NOT NULL,
    -- The last instalment falls due at most this many months after the request.
    max_duration_months INTEGER NOT NULL CHECK (max_duration_months > 0),
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- A debtor's request for a monthly payment plan, made in the portal. pending: waiting for the
-- collector; countered: the collector proposed other terms, waiting for the debtor; accepted:
-- a plan was agreed (plan_id), at once, by the collector or by the debtor taking the counter;
-- declined: by the collector (decline_reason) or by the debtor refusing the counter.
CREATE TABLE payment_plan_requests (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    debtor_id TEXT NOT NULL REFERENCES debtors (id),
    instalment_count INTEGER NOT NULL CHECK (instalment_count > 0),
    first_due_date DATE NOT NULL,
    status TEXT NOT NULL,
    -- Which limits a pending request went beyond, comma-separated.
    exceeded TEXT,
    counter_instalment_count INTEGER,
    counter_first_due_date DATE,
    decline_reason TEXT,
    -- collector or debtor: who declined.
    declined_by TEXT,
    plan_id TEXT REFERENCES payment_plans (id),
    decided_by TEXT,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX payment_plan_requests_case_id ON payment_plan_requests (case_id, id);
CREATE INDEX payment_plan_requests_status ON payment_plan_requests (status, id);
CREATE INDEX payment_plan_requests_organisation_id ON payment_plan_requests (organisation_id, id);
CREATE INDEX payment_plan_requests_debtor_id ON payment_plan_requests (debtor_id);
CREATE INDEX payment_plan_requests_plan_id ON payment_plan_requests (plan_id);

-- A debtor's word that they already paid, with the proof they uploaded. pending until the
-- collector confirms it (payment_id: recorded as a direct payment) or rejects it (reason shown
-- to the debtor).
CREATE TABLE already_paid_claims (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    debtor_id TEXT NOT NULL REFERENCES debtors (id),
    paid_on DATE NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    bank_reference TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id),
    status TEXT NOT NULL,
    -- Collection contact is held until this day (the case's next action is moved to it).
    hold_until DATE NOT NULL,
    reject_reason TEXT,
    payment_id TEXT REFERENCES payments (id),
    decided_by TEXT,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX already_paid_claims_case_id ON already_paid_claims (case_id, id);
CREATE INDEX already_paid_claims_status ON already_paid_claims (status, id);
CREATE INDEX already_paid_claims_organisation_id ON already_paid_claims (organisation_id, id);
CREATE INDEX already_paid_claims_debtor_id ON already_paid_claims (debtor_id);
CREATE INDEX already_paid_claims_document_id ON already_paid_claims (document_id);
CREATE INDEX already_paid_claims_payment_id ON already_paid_claims (payment_id);
