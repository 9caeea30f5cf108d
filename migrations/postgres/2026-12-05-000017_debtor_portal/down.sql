ALTER TABLE users DROP COLUMN name;
DROP TABLE debtor_access;
