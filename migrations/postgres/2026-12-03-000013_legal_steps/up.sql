-- What happens on a case in court and in insolvency, step by step: filings, hearings,
-- judgments (amount and costs awarded), enforcement, insolvency proceedings and the claim
-- lodged in them. Written once, never changed; costs a judgment awards are also posted to the
-- case's ledger, as owed by the debtor.
CREATE TABLE legal_steps (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- filing, hearing, judgment, enforcement, insolvency_proceedings or claim_lodged.
    kind TEXT NOT NULL,
    occurred_on DATE NOT NULL,
    court TEXT,
    -- The court's or the proceedings' reference.
    reference TEXT,
    -- The insolvency administrator.
    administrator TEXT,
    notes TEXT,
    -- A judgment's award, or the claim lodged, in minor units of the case currency.
    amount_minor BIGINT,
    costs_awarded_minor BIGINT,
    currency TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX legal_steps_case_id ON legal_steps (case_id, id);
CREATE INDEX legal_steps_organisation_id ON legal_steps (organisation_id);
