-- Remittance statements: what the agency pays a creditor for the payments it received on the
-- creditor's cases. A line is written once per payment, and once more if a remitted payment is
-- reversed (its negation): the unique key makes remitting a payment twice impossible, even for
-- two runs at the same moment. Statements are never changed or deleted.
CREATE TABLE remittances (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    currency TEXT NOT NULL,
    -- Payments value-dated (and reversals made) on or before this day are in it.
    period_end DATE NOT NULL,
    -- Totals in minor units: collected = net + commission + costs + unapplied.
    collected_minor BIGINT NOT NULL,
    costs_minor BIGINT NOT NULL,
    unapplied_minor BIGINT NOT NULL,
    commission_minor BIGINT NOT NULL,
    net_minor BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX remittances_organisation_id ON remittances (organisation_id, id);

CREATE TABLE remittance_lines (
    id TEXT PRIMARY KEY NOT NULL,
    remittance_id TEXT NOT NULL REFERENCES remittances (id),
    payment_id TEXT NOT NULL REFERENCES payments (id),
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- payment, or reversal (the payment's line negated).
    kind TEXT NOT NULL,
    value_date DATE NOT NULL,
    amount_minor BIGINT NOT NULL,
    principal_minor BIGINT NOT NULL,
    interest_minor BIGINT NOT NULL,
    costs_minor BIGINT NOT NULL,
    unapplied_minor BIGINT NOT NULL,
    commission_minor BIGINT NOT NULL,
    net_minor BIGINT NOT NULL,
    UNIQUE (payment_id, kind)
);
CREATE INDEX remittance_lines_remittance_id ON remittance_lines (remittance_id, id);
CREATE INDEX remittance_lines_case_id ON remittance_lines (case_id);
