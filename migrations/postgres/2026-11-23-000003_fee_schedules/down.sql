ALTER TABLE cases ADD COLUMN fee_terms TEXT NOT NULL DEFAULT '';
UPDATE cases SET fee_terms = (
    SELECT terms FROM fee_schedules WHERE fee_schedules.id = cases.fee_schedule_id
);
DROP INDEX cases_fee_schedule_id;
ALTER TABLE cases DROP COLUMN fee_schedule_id;
DROP TABLE fee_schedules;
