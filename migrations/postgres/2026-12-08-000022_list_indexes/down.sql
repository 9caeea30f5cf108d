DROP INDEX debtors_legal_name_trgm;
-- The extension stays: another schema object may have come to use it since.

DROP INDEX cases_debtor_id;
CREATE INDEX cases_debtor_id ON cases (debtor_id);

DROP INDEX cases_updated;
DROP INDEX cases_organisation_updated;
CREATE INDEX cases_organisation_updated ON cases (organisation_id, updated_at);
DROP INDEX cases_created;
DROP INDEX cases_organisation_created;
DROP INDEX cases_collector_state;
DROP INDEX cases_collector_id;
CREATE INDEX cases_collector_id ON cases (collector_id, state);
DROP INDEX cases_country;
DROP INDEX cases_organisation_country;
DROP INDEX cases_state;
DROP INDEX cases_organisation_state;
CREATE INDEX cases_organisation_state ON cases (organisation_id, state);
DROP INDEX cases_organisation_id;

DROP TRIGGER debtors_country_follows_to_cases ON debtors;
DROP FUNCTION cases_follow_debtor_country();
ALTER TABLE cases DROP COLUMN debtor_country;
