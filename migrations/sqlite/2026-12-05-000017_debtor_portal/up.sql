-- A debtor's access to the portal: the code printed on the case's letter, with the case's RF
-- reference. One per case; issuing a new code replaces the row (new id), so the old code and
-- every portal session opened with it stop working. Only the argon2id hash of the code is kept.
CREATE TABLE debtor_access (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),
    code_hash TEXT NOT NULL,
    -- The user or API key that issued it.
    issued_by TEXT NOT NULL,
    issued_at TIMESTAMP NOT NULL
);

-- The name a person goes by, shown to debtors in the portal as their collector's name.
ALTER TABLE users ADD COLUMN name TEXT;
