-- A debtor's dispute of the claim, raised on a case (which moves to `disputed`) and resolved
-- once: rejected (the case returns where it was), upheld for the whole claim (the case closes
-- `dispute_upheld`) or upheld for part of it (a credit note reduces the principal by
-- credited_amount_minor and the case returns where it was). Never deleted.
CREATE TABLE disputes (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- goods_not_received, defective_goods, services_not_rendered, wrong_amount, already_paid,
    -- not_our_debt or other.
    category TEXT NOT NULL,
    -- What the debtor says, up to 4,000 characters.
    text TEXT NOT NULL,
    -- The part of the claim disputed, positive, in minor units of the case currency; NULL when
    -- the whole claim is disputed.
    disputed_amount_minor BIGINT CHECK (disputed_amount_minor > 0),
    currency TEXT NOT NULL,
    -- JSON arrays: the invoice numbers the dispute concerns (empty: all) and the case's
    -- documents the debtor relies on. Both are checked against the case when raised; invoices
    -- and documents are never deleted.
    invoice_numbers TEXT NOT NULL,
    document_ids TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_at TIMESTAMP NOT NULL,
    -- open, upheld or rejected; changes once, from open.
    status TEXT NOT NULL,
    resolution_reasons TEXT,
    -- What an upheld partial dispute credited, positive, minor units.
    credited_amount_minor BIGINT CHECK (credited_amount_minor > 0),
    resolved_by TEXT,
    resolved_at TIMESTAMP
);
CREATE INDEX disputes_case_id ON disputes (case_id, id);
CREATE INDEX disputes_organisation_id ON disputes (organisation_id, id);
