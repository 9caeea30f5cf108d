DROP TABLE remittance_lines;
DROP TABLE remittances;
