-- What collectors do on a case: the assessment the creditor receives within 48 hours of
-- placement (it moves the case from `assessment` to `amicable`), and the log of contact
-- attempts with the next action's date, which puts the case in its collector's work queue.
CREATE TABLE case_assessments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- The recommended approach, the expected timeline and the cost structure, as written.
    approach TEXT NOT NULL,
    expected_timeline TEXT NOT NULL,
    cost_structure TEXT NOT NULL,
    -- Debtor findings: good, doubtful, poor or unknown; whether the debtor was reached.
    solvency TEXT NOT NULL,
    reachable BOOLEAN NOT NULL,
    findings TEXT,
    recorded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_assessments_case_id ON case_assessments (case_id, id);
CREATE INDEX case_assessments_organisation_id ON case_assessments (organisation_id);

CREATE TABLE case_activities (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- phone, email, letter, fax, visit or trace.
    channel TEXT NOT NULL,
    -- What came of it (reached, not_reached, left_message, wrong_contact, sent, returned,
    -- found, not_found).
    outcome TEXT NOT NULL,
    notes TEXT,
    -- The next action's date, if one was set; the latest activity's is the case's.
    next_action_on DATE,
    recorded_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_activities_case_id ON case_activities (case_id, id);
CREATE INDEX case_activities_organisation_id ON case_activities (organisation_id);

ALTER TABLE cases ADD COLUMN next_action_on DATE;
CREATE INDEX cases_next_action_on ON cases (next_action_on);
