-- The conversation between a case's debtor (in the portal) and the agency. Kept apart from
-- `messages`, the creditor-agency conversation, so no query of one can reach the other.
CREATE TABLE debtor_messages (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- `debtor` or `agency`.
    side TEXT NOT NULL,
    -- The debtor record, or the user or API key that wrote for the agency.
    author_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX debtor_messages_case ON debtor_messages (case_id, created_at, id);

-- A debtor's complaint about the agency's conduct (not about the claim, which is a dispute).
-- Only agency administrators read them, as one may concern the collector of the case.
CREATE TABLE complaints (
    id TEXT PRIMARY KEY NOT NULL,
    -- The creditor whose debtor complains, and the debtor record.
    organisation_id TEXT NOT NULL,
    debtor_id TEXT NOT NULL REFERENCES debtors (id),
    -- The case the complaint is about, if it names one.
    case_id TEXT REFERENCES cases (id),
    text TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    -- `open` or `resolved`.
    status TEXT NOT NULL,
    resolution TEXT,
    resolved_by TEXT,
    resolved_at TIMESTAMP
);
CREATE INDEX complaints_status ON complaints (status, received_at, id);
CREATE INDEX complaints_debtor ON complaints (debtor_id, id);
CREATE INDEX complaints_case ON complaints (case_id);

-- A data subject's request about the personal data of the debtor's contact persons
-- (Regulation (EU) 2016/679 art. 15 access, 16 rectification, 17 erasure), with the day it
-- must be answered by (art. 12(3)).
CREATE TABLE data_requests (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL,
    debtor_id TEXT NOT NULL REFERENCES debtors (id),
    -- The case whose portal session made it, for its timeline.
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- `access`, `rectification` or `erasure`.
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    due_on DATE NOT NULL,
    -- `open` or `completed`.
    status TEXT NOT NULL,
    completion_note TEXT,
    completed_by TEXT,
    completed_at TIMESTAMP
);
CREATE INDEX data_requests_status ON data_requests (status, due_on, id);
CREATE INDEX data_requests_debtor ON data_requests (debtor_id, received_at, id);
CREATE INDEX data_requests_case ON data_requests (case_id);
