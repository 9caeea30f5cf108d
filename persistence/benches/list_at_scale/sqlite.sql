-- {cases} cases of {debtors} debtors. Four creditors (one holds 70% of the book), 20 collectors holding 80%
-- of the cases, six debtor countries from 50% down to 1%, ten states from 40% down to 1%, and
-- placement times three years apart from first to last, in id order as in real life.
INSERT INTO organisations (id, kind, name, country, created_at, updated_at)
    SELECT 'org_bench_' || k, 'creditor', 'Creditor ' || k, 'DE', '2024-01-01 00:00:00', '2024-01-01 00:00:00'
      FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3);
WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 19)
INSERT INTO users (id, organisation_id, email, password_hash, role, created_at, updated_at)
    SELECT 'usr_collector_' || printf('%02d', k), 'org_bench_0', 'collector' || k || '@bench.test', 'x',
           'collector', '2024-01-01 00:00:00', '2024-01-01 00:00:00'
      FROM n;
INSERT INTO fee_schedules (id, terms, created_at) VALUES ('fsc_bench', '{}', '2024-01-01 00:00:00');
CREATE TEMP TABLE words (k INTEGER PRIMARY KEY, first TEXT, second TEXT);
INSERT INTO temp.words VALUES
    (0, 'Nordwind', 'Logistik'), (1, 'Alpen', 'Bau'), (2, 'Rhein', 'Handel'), (3, 'Hansa', 'Technik'),
    (4, 'Sonnen', 'Energie'), (5, 'Berg', 'Holz'), (6, 'Elbe', 'Metall'), (7, 'Falken', 'Medien'),
    (8, 'Linden', 'Pharma'), (9, 'Eichen', 'Textil'), (10, 'Adler', 'Transport'), (11, 'Mosel', 'Wein'),
    (12, 'Kraft', 'Maschinen'), (13, 'Stern', 'Software'), (14, 'Wald', 'Papier'), (15, 'Blau', 'Chemie'),
    (16, 'Nord', 'Fisch'), (17, 'Sued', 'Obst'), (18, 'Ost', 'Glas'), (19, 'West', 'Stahl');
WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < {debtors} - 1)
INSERT INTO debtors (id, organisation_id, legal_name, country, created_at, updated_at)
    SELECT 'dbt_' || printf('%032d', k),
           'org_bench_' || (CASE WHEN k % 10 < 7 THEN 0 ELSE k % 10 - 6 END),
           (SELECT first FROM temp.words WHERE words.k = n.k % 20) || ' '
               || (SELECT second FROM temp.words WHERE words.k = (n.k / 20) % 20) || ' '
               || (n.k / 400) || ' '
               || (CASE n.k % 5 WHEN 0 THEN 'GmbH' WHEN 1 THEN 'AG' WHEN 2 THEN 'B.V.' WHEN 3 THEN 'SARL' ELSE 'KG' END),
           CASE WHEN k / 10 % 100 < 50 THEN 'DE' WHEN k / 10 % 100 < 70 THEN 'NL' WHEN k / 10 % 100 < 85 THEN 'FR'
                WHEN k / 10 % 100 < 95 THEN 'AT' WHEN k / 10 % 100 < 99 THEN 'BE' ELSE 'LU' END,
           '2024-01-01 00:00:00', '2024-01-01 00:00:00'
      FROM n;
WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < {cases} - 1),
spread AS (SELECT k, (k * 7919) % {debtors} AS d, (k * 2654435761 / 256) % 100 AS h FROM n)
INSERT INTO cases (id, organisation_id, debtor_id, case_number, rf_reference, creditor_reference,
                   currency, jurisdiction, state, state_detail, collector_id, fee_schedule_id,
                   version, created_at, updated_at, debtor_country)
    SELECT 'case_' || printf('%032d', k),
           'org_bench_' || (CASE WHEN d % 10 < 7 THEN 0 ELSE d % 10 - 6 END),
           'dbt_' || printf('%032d', d),
           k, 'RF' || k, 'REF-' || k, 'EUR', 'DE',
           CASE WHEN h < 40 THEN 'closed' WHEN h < 65 THEN 'amicable' WHEN h < 75 THEN 'payment_plan'
                WHEN h < 80 THEN 'submitted' WHEN h < 85 THEN 'assessment' WHEN h < 90 THEN 'pre_legal'
                WHEN h < 94 THEN 'legal' WHEN h < 97 THEN 'disputed' WHEN h < 99 THEN 'paused'
                ELSE 'insolvency' END,
           '{}',
           CASE WHEN k % 5 = 0 THEN NULL ELSE 'usr_collector_' || printf('%02d', k % 20) END,
           'fsc_bench', 1,
           datetime('2024-01-01 00:00:00', '+' || (k * 94608000 / {cases}) || ' seconds'),
           datetime('2024-01-01 00:00:00', '+' || (k * 94608000 / {cases} + h * 3600) || ' seconds'),
           CASE WHEN d / 10 % 100 < 50 THEN 'DE' WHEN d / 10 % 100 < 70 THEN 'NL' WHEN d / 10 % 100 < 85 THEN 'FR'
                WHEN d / 10 % 100 < 95 THEN 'AT' WHEN d / 10 % 100 < 99 THEN 'BE' ELSE 'LU' END
      FROM spread;
