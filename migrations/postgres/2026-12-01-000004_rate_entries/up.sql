-- Reference rates published after a release (the next Basiszinssatz, BGB s.247; an ECB decision),
-- entered by the agency administrator. They are appended to the embedded histories at start-up
-- and by each scheduler pass; a row is never updated or deleted, as interest may have been
-- computed on it (docs/law.md, reference rates).
CREATE TABLE rate_entries (
    id TEXT PRIMARY KEY NOT NULL,
    -- The series id, e.g. `de_basiszinssatz`.
    series TEXT NOT NULL,
    -- First day the rate is in force.
    effective_date DATE NOT NULL,
    -- Percent per year as a decimal string (`1.27`), never a float.
    rate TEXT NOT NULL,
    -- Where the figure was published.
    source TEXT NOT NULL,
    -- The user or API key that entered it.
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (series, effective_date)
);
