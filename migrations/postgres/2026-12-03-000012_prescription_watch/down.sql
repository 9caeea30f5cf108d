DROP INDEX cases_prescription_checked_at;
DROP INDEX cases_prescription_deadline;
ALTER TABLE cases DROP COLUMN prescription_checked_at;
ALTER TABLE cases DROP COLUMN prescription_deadline;
