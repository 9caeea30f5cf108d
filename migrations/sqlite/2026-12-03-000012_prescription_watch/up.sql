-- The scheduler's watch on limitation: each open case's earliest prescription deadline, worked
-- out once by the scheduler (prescription_checked_at), so that the warnings 90 and 30 days
-- before it, and on expiry, are found by an index instead of recomputing every case.
ALTER TABLE cases ADD COLUMN prescription_deadline DATE;
ALTER TABLE cases ADD COLUMN prescription_checked_at TIMESTAMP;
CREATE INDEX cases_prescription_deadline ON cases (prescription_deadline);
CREATE INDEX cases_prescription_checked_at ON cases (prescription_checked_at);
