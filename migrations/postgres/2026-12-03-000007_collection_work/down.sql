DROP INDEX cases_next_action_on;
ALTER TABLE cases DROP COLUMN next_action_on;
DROP TABLE case_activities;
DROP TABLE case_assessments;
