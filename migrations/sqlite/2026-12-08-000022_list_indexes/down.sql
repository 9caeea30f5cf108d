DROP TRIGGER debtor_names_fts_delete;
DROP TRIGGER debtor_names_fts_update;
DROP TRIGGER debtor_names_fts_insert;
DROP TRIGGER debtors_name_delete;
DROP TRIGGER debtors_name_update;
DROP TRIGGER debtors_name_insert;
DROP TABLE debtor_names_fts;
DROP TABLE debtor_names;

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

DROP TRIGGER debtors_country_follows_to_cases;
ALTER TABLE cases DROP COLUMN debtor_country;
