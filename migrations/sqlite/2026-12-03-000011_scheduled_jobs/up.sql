-- The scheduler's work, one row per due item: a paused case to resume on its date, a case whose
-- promises or payment plan fall due for judgement on a day. The unique key makes an item one job
-- however many nodes find it due; a job is done once, by the transaction that does its work and
-- marks it done together. A failed job is retried with backoff until it succeeds or gives up.
CREATE TABLE scheduled_jobs (
    id TEXT PRIMARY KEY NOT NULL,
    -- resume_case, review_arrangements or prescription_warning.
    kind TEXT NOT NULL,
    -- The case the job works on.
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- The day it fell due.
    due_on DATE NOT NULL,
    -- pending, done or failed.
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    -- When a pending or failed job may run (again); NULL when done or given up.
    next_attempt_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    UNIQUE (kind, case_id, due_on)
);
CREATE INDEX scheduled_jobs_runnable ON scheduled_jobs (status, next_attempt_at);
CREATE INDEX scheduled_jobs_case_id ON scheduled_jobs (case_id);
