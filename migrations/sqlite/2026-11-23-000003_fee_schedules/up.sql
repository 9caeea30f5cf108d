-- Fee terms are stored once per distinct schedule instead of once per case: a creditor's
-- thousands of cases share one schedule, and its JSON (about 780 bytes) was a third of every
-- case row. New schedules are named by a hash of their terms; existing cases each get their own.
CREATE TABLE fee_schedules (
    id TEXT PRIMARY KEY NOT NULL,
    -- The FeeSchedule as JSON, read and written whole.
    terms TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

INSERT INTO fee_schedules (id, terms, created_at)
    SELECT 'fsc_' || id, fee_terms, created_at FROM cases;

-- SQLite adds a column with a foreign key only as nullable; every case row has a value (set
-- here, and by every placement), as PostgreSQL enforces with NOT NULL.
ALTER TABLE cases ADD COLUMN fee_schedule_id TEXT REFERENCES fee_schedules (id);
UPDATE cases SET fee_schedule_id = 'fsc_' || id;
CREATE INDEX cases_fee_schedule_id ON cases (fee_schedule_id);
ALTER TABLE cases DROP COLUMN fee_terms;
