-- The case list (GET /v1/cases) reads one page in id order. Each index below leads with the
-- columns a list shape filters on by equality and ends with `id`, so the page is the first
-- entries of one index range and nothing is sorted (PostgreSQL "Indexes and ORDER BY").

-- The debtor's country is copied onto the case, so that a country filter is one index range
-- of cases rather than a join whose filter sits on the other table: with the filter on
-- `debtors`, the only plans are walking the book in id order (as long as the book when the
-- country is rare) or sorting every case of the country. Placement writes the copy from the
-- debtor row it already holds; the API never changes a debtor's country (a debtor patch has no
-- country), but the repository writes the whole row, so the trigger keeps every copy right
-- whichever way a country changes.
ALTER TABLE cases ADD COLUMN debtor_country TEXT;
UPDATE cases SET debtor_country = debtors.country FROM debtors WHERE debtors.id = cases.debtor_id;
ALTER TABLE cases ALTER COLUMN debtor_country SET NOT NULL;
CREATE FUNCTION cases_follow_debtor_country() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cases SET debtor_country = NEW.country WHERE debtor_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER debtors_country_follows_to_cases AFTER UPDATE OF country ON debtors
    FOR EACH ROW WHEN (NEW.country IS DISTINCT FROM OLD.country)
    EXECUTE FUNCTION cases_follow_debtor_country();

-- One creditor's book; agency staff read every creditor's through the primary key.
CREATE INDEX cases_organisation_id ON cases (organisation_id, id);
-- State, for one creditor and for all (these replace `(organisation_id, state)`, a prefix).
DROP INDEX cases_organisation_state;
CREATE INDEX cases_organisation_state ON cases (organisation_id, state, id);
CREATE INDEX cases_state ON cases (state, id);
-- Debtor country.
CREATE INDEX cases_organisation_country ON cases (organisation_id, debtor_country, id);
CREATE INDEX cases_country ON cases (debtor_country, id);
-- A collector's book, with and without a state (replacing `(collector_id, state)`).
DROP INDEX cases_collector_id;
CREATE INDEX cases_collector_id ON cases (collector_id, id);
CREATE INDEX cases_collector_state ON cases (collector_id, state, id);
-- Placement and change time ranges. Time is not the id order (ids come from the system clock
-- when a case is planned, `created_at` from the application clock, which a sandbox moves
-- forward and a batch reads once), so a range is read from these indexes and only its ids are
-- sorted: the cost grows with the range, not with the book. `id` last lets an index-only scan
-- feed that sort.
CREATE INDEX cases_organisation_created ON cases (organisation_id, created_at, id);
CREATE INDEX cases_created ON cases (created_at, id);
DROP INDEX cases_organisation_updated;
CREATE INDEX cases_organisation_updated ON cases (organisation_id, updated_at, id);
CREATE INDEX cases_updated ON cases (updated_at, id);

-- A debtor's cases, with their ids, so that the name search reads candidate ids from the index.
DROP INDEX cases_debtor_id;
CREATE INDEX cases_debtor_id ON cases (debtor_id, id);

-- Debtor-name search: `lower(legal_name) LIKE '%…%'` is served by a trigram GIN index on the
-- same expression (PostgreSQL "pg_trgm", "Index Support"); the executor rechecks every
-- candidate, so results are those of the plain LIKE, whatever the pattern's length.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX debtors_legal_name_trgm ON debtors USING gin (lower(legal_name) gin_trgm_ops);
