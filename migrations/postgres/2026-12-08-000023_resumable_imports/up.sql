-- A bulk request commits in chunks: its idempotency key is claimed before the first chunk
-- (claimed_by, lease_until set; no response yet) and each committed chunk stores its items'
-- outcomes, so a retry after a crash resumes and answers the same for what was placed.
ALTER TABLE idempotency_keys ADD COLUMN claimed_by TEXT;
ALTER TABLE idempotency_keys ADD COLUMN lease_until TIMESTAMP;

CREATE TABLE idempotency_progress (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    idempotency_key TEXT NOT NULL,
    chunk_number INTEGER NOT NULL,
    outcomes TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, idempotency_key, chunk_number)
);
CREATE INDEX idempotency_progress_created_at ON idempotency_progress (created_at);
