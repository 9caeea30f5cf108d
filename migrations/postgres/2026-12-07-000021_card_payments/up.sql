-- Card payments a debtor starts in the portal: pending until the provider's webhook says the
-- checkout completed, then the payment it became (or `review` when the provider's amount or
-- currency is not what was asked, which a person must look at, or `failed` when the provider
-- could not be reached). Amounts in minor units.
CREATE TABLE card_payments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    debtor_id TEXT NOT NULL REFERENCES debtors (id),
    provider TEXT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'review')),
    checkout_session_id TEXT UNIQUE,
    checkout_url TEXT,
    -- The payment recorded on the case, once succeeded.
    payment_id TEXT REFERENCES payments (id),
    -- The provider's id of the money movement (Stripe's payment intent).
    provider_reference TEXT,
    -- Why it failed or waits for review.
    detail TEXT,
    created_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP
);
CREATE INDEX card_payments_case ON card_payments (case_id, created_at);
CREATE INDEX card_payments_payment ON card_payments (payment_id);
CREATE INDEX card_payments_debtor ON card_payments (debtor_id);
CREATE INDEX card_payments_organisation ON card_payments (organisation_id);

-- Every provider event acted on, once: a provider retries and may send an event twice.
CREATE TABLE provider_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    PRIMARY KEY (provider, event_id)
);
