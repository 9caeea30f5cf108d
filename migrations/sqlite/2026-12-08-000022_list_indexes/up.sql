-- The case list (GET /v1/cases) reads one page in id order. Each index below leads with the
-- columns a list shape filters on by equality and ends with `id`, so the page is the first rows
-- of one index range and nothing is sorted: a rowid table's secondary index is ordered by the
-- rowid after its columns, not by the `id` key (SQLite "The SQLite Query Optimizer Overview",
-- section on ORDER BY), hence the explicit `id`.

-- The debtor's country is copied onto the case, so that a country filter is one index range
-- of cases rather than a join whose filter sits on the other table: with the filter on
-- `debtors`, the only plans are walking the book in id order (as long as the book when the
-- country is rare) or sorting every case of the country. Placement writes the copy from the
-- debtor row it already holds; the API never changes a debtor's country (a debtor patch has no
-- country), but the repository writes the whole row, so the trigger keeps every copy right
-- whichever way a country changes.
ALTER TABLE cases ADD COLUMN debtor_country TEXT NOT NULL DEFAULT '';
UPDATE cases SET debtor_country = (SELECT country FROM debtors WHERE debtors.id = cases.debtor_id);
CREATE TRIGGER debtors_country_follows_to_cases AFTER UPDATE OF country ON debtors
    WHEN NEW.country IS NOT OLD.country
BEGIN
    UPDATE cases SET debtor_country = NEW.country WHERE debtor_id = NEW.id;
END;

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
-- sorted: the cost grows with the range, not with the book. `id` last makes them covering for
-- that sort.
CREATE INDEX cases_organisation_created ON cases (organisation_id, created_at, id);
CREATE INDEX cases_created ON cases (created_at, id);
DROP INDEX cases_organisation_updated;
CREATE INDEX cases_organisation_updated ON cases (organisation_id, updated_at, id);
CREATE INDEX cases_updated ON cases (updated_at, id);

-- A debtor's cases, with their ids, so that the name search below reads candidate ids from the
-- index alone.
DROP INDEX cases_debtor_id;
CREATE INDEX cases_debtor_id ON cases (debtor_id, id);

-- Debtor-name search: an FTS5 index with the trigram tokenizer, which matches any substring of
-- three characters or more, case-insensitively (SQLite "SQLite FTS5 Extension", "The Trigram
-- Tokenizer"). FTS5 rows are keyed by an integer; a debtor's implicit rowid may change on VACUUM
-- ("The VACUUM Command"), so the names are copied into `debtor_names`, whose INTEGER PRIMARY KEY
-- is stable, and the FTS5 table indexes that copy as its external content.
CREATE TABLE debtor_names (
    id INTEGER PRIMARY KEY,
    debtor_id TEXT NOT NULL UNIQUE,
    legal_name TEXT NOT NULL
);
INSERT INTO debtor_names (debtor_id, legal_name) SELECT id, legal_name FROM debtors ORDER BY id;
CREATE VIRTUAL TABLE debtor_names_fts USING fts5 (
    legal_name,
    content = 'debtor_names',
    content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO debtor_names_fts (debtor_names_fts) VALUES ('rebuild');

-- The copy follows the debtor, and the FTS5 index follows the copy (the external-content
-- triggers of "SQLite FTS5 Extension", "External Content Tables").
CREATE TRIGGER debtors_name_insert AFTER INSERT ON debtors
BEGIN
    INSERT INTO debtor_names (debtor_id, legal_name) VALUES (NEW.id, NEW.legal_name);
END;
CREATE TRIGGER debtors_name_update AFTER UPDATE OF legal_name ON debtors
    WHEN NEW.legal_name IS NOT OLD.legal_name
BEGIN
    UPDATE debtor_names SET legal_name = NEW.legal_name WHERE debtor_id = NEW.id;
END;
CREATE TRIGGER debtors_name_delete AFTER DELETE ON debtors
BEGIN
    DELETE FROM debtor_names WHERE debtor_id = OLD.id;
END;
CREATE TRIGGER debtor_names_fts_insert AFTER INSERT ON debtor_names
BEGIN
    INSERT INTO debtor_names_fts (rowid, legal_name) VALUES (NEW.id, NEW.legal_name);
END;
CREATE TRIGGER debtor_names_fts_update AFTER UPDATE ON debtor_names
BEGIN
    INSERT INTO debtor_names_fts (debtor_names_fts, rowid, legal_name)
        VALUES ('delete', OLD.id, OLD.legal_name);
    INSERT INTO debtor_names_fts (rowid, legal_name) VALUES (NEW.id, NEW.legal_name);
END;
CREATE TRIGGER debtor_names_fts_delete AFTER DELETE ON debtor_names
BEGIN
    INSERT INTO debtor_names_fts (debtor_names_fts, rowid, legal_name)
        VALUES ('delete', OLD.id, OLD.legal_name);
END;
