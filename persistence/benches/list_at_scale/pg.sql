-- {cases} cases of {debtors} debtors, as in sqlite.sql.
INSERT INTO organisations (id, kind, name, country, created_at, updated_at)
    SELECT 'org_bench_' || k, 'creditor', 'Creditor ' || k, 'DE', '2024-01-01 00:00:00', '2024-01-01 00:00:00'
      FROM generate_series(0, 3) AS k;
INSERT INTO users (id, organisation_id, email, password_hash, role, created_at, updated_at)
    SELECT 'usr_collector_' || lpad(k::text, 2, '0'), 'org_bench_0', 'collector' || k || '@bench.test', 'x',
           'collector', '2024-01-01 00:00:00', '2024-01-01 00:00:00'
      FROM generate_series(0, 19) AS k;
INSERT INTO fee_schedules (id, terms, created_at) VALUES ('fsc_bench', '{}', '2024-01-01 00:00:00');
INSERT INTO debtors (id, organisation_id, legal_name, country, created_at, updated_at)
    SELECT 'dbt_' || lpad(k::text, 32, '0'),
           'org_bench_' || (CASE WHEN k % 10 < 7 THEN 0 ELSE k % 10 - 6 END),
           (ARRAY['Nordwind', 'Alpen', 'Rhein', 'Hansa', 'Sonnen', 'Berg', 'Elbe', 'Falken', 'Linden', 'Eichen',
                  'Adler', 'Mosel', 'Kraft', 'Stern', 'Wald', 'Blau', 'Nord', 'Sued', 'Ost', 'West'])[k % 20 + 1] || ' '
               || (ARRAY['Logistik', 'Bau', 'Handel', 'Technik', 'Energie', 'Holz', 'Metall', 'Medien', 'Pharma',
                         'Textil', 'Transport', 'Wein', 'Maschinen', 'Software', 'Papier', 'Chemie', 'Fisch', 'Obst',
                         'Glas', 'Stahl'])[k / 20 % 20 + 1] || ' '
               || (k / 400) || ' '
               || (ARRAY['GmbH', 'AG', 'B.V.', 'SARL', 'KG'])[k % 5 + 1],
           CASE WHEN k / 10 % 100 < 50 THEN 'DE' WHEN k / 10 % 100 < 70 THEN 'NL' WHEN k / 10 % 100 < 85 THEN 'FR'
                WHEN k / 10 % 100 < 95 THEN 'AT' WHEN k / 10 % 100 < 99 THEN 'BE' ELSE 'LU' END,
           '2024-01-01 00:00:00', '2024-01-01 00:00:00'
      FROM generate_series(0, {debtors} - 1) AS k;
INSERT INTO cases (id, organisation_id, debtor_id, case_number, rf_reference, creditor_reference,
                   currency, jurisdiction, state, state_detail, collector_id, fee_schedule_id,
                   version, created_at, updated_at, debtor_country)
    SELECT 'case_' || lpad(k::text, 32, '0'),
           'org_bench_' || (CASE WHEN d % 10 < 7 THEN 0 ELSE d % 10 - 6 END),
           'dbt_' || lpad(d::text, 32, '0'),
           k, 'RF' || k, 'REF-' || k, 'EUR', 'DE',
           CASE WHEN h < 40 THEN 'closed' WHEN h < 65 THEN 'amicable' WHEN h < 75 THEN 'payment_plan'
                WHEN h < 80 THEN 'submitted' WHEN h < 85 THEN 'assessment' WHEN h < 90 THEN 'pre_legal'
                WHEN h < 94 THEN 'legal' WHEN h < 97 THEN 'disputed' WHEN h < 99 THEN 'paused'
                ELSE 'insolvency' END,
           '{}',
           CASE WHEN k % 5 = 0 THEN NULL ELSE 'usr_collector_' || lpad((k % 20)::text, 2, '0') END,
           'fsc_bench', 1,
           timestamp '2024-01-01 00:00:00' + (k * 94608000 / {cases}) * interval '1 second',
           timestamp '2024-01-01 00:00:00' + (k * 94608000 / {cases} + h * 3600) * interval '1 second',
           CASE WHEN d / 10 % 100 < 50 THEN 'DE' WHEN d / 10 % 100 < 70 THEN 'NL' WHEN d / 10 % 100 < 85 THEN 'FR'
                WHEN d / 10 % 100 < 95 THEN 'AT' WHEN d / 10 % 100 < 99 THEN 'BE' ELSE 'LU' END
      FROM (SELECT k, (k * 7919) % {debtors} AS d, (k * 2654435761 / 256) % 100 AS h
              FROM generate_series(0::bigint, {cases} - 1) AS k) AS spread;
