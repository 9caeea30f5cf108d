-- Webhooks and the event feed. An event is written to `events` in the transaction of the
-- change it describes (the outbox), so a rolled back change publishes nothing and a committed
-- one is never lost. A sequencer later gives each committed event its `position`, in the order
-- it finds them committed, so a client that pages the feed by position never misses an event
-- that committed after a later one; in the same transaction it queues one delivery per
-- subscribed endpoint.

CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    -- The creditor the event belongs to: only its endpoints and the agency's receive it.
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    event_type TEXT NOT NULL,
    -- The case it is about, when it is about one.
    case_id TEXT REFERENCES cases (id),
    created_at TIMESTAMP NOT NULL,
    -- The payload's `data`, JSON.
    data TEXT NOT NULL,
    -- The place in the feed; NULL until the sequencer has seen the event committed.
    position BIGINT UNIQUE
);
CREATE INDEX events_organisation_position ON events (organisation_id, position);
CREATE INDEX events_case_id ON events (case_id);
CREATE INDEX events_unsequenced ON events (created_at, id) WHERE position IS NULL;

-- The last position given, one row, updated by the sequencer under its row lock.
CREATE TABLE event_positions (
    name TEXT PRIMARY KEY NOT NULL,
    last_position BIGINT NOT NULL
);
INSERT INTO event_positions (name, last_position) VALUES ('events', 0);

CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    -- A creditor's endpoint receives its events; the agency's receives every creditor's.
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    url TEXT NOT NULL,
    description TEXT,
    -- A JSON array of event types; NULL for every type.
    event_types TEXT,
    enabled BOOLEAN NOT NULL,
    -- Why the endpoint was disabled: by its owner, a 410 Gone, or failing for five days.
    disabled_reason TEXT,
    -- whsec_<base64>: needed to sign, so kept, and shown only at creation and rotation.
    secret TEXT NOT NULL,
    -- The secret before the last rotation, still signing until `previous_secret_until`.
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    -- Since when every delivery failed; NULL after a success.
    failing_since TIMESTAMP,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_organisation_id ON webhook_endpoints (organisation_id);

-- One row per attempt to deliver one event to one endpoint; a failed attempt queues the next
-- as a new row, so the attempts stay visible.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
    event_id TEXT NOT NULL REFERENCES events (id),
    -- 1 for the first attempt of a chain.
    attempt INTEGER NOT NULL,
    -- scheduled, manual (a retry asked for) or replay.
    trigger TEXT NOT NULL,
    -- pending, sending, succeeded or failed.
    status TEXT NOT NULL,
    -- When it may be sent.
    due_at TIMESTAMP NOT NULL,
    -- While sending: until when this node holds it; another takes it over after.
    lease_until TIMESTAMP,
    attempted_at TIMESTAMP,
    response_status INTEGER,
    -- The first kilobyte of the receiver's answer.
    response_body TEXT,
    latency_ms BIGINT,
    error TEXT,
    -- After a failure: when the next attempt is due; NULL when none follows.
    next_attempt_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, due_at);
CREATE INDEX webhook_deliveries_endpoint_id ON webhook_deliveries (endpoint_id, created_at);
CREATE INDEX webhook_deliveries_event_id ON webhook_deliveries (event_id);
