DROP INDEX ledger_postings_payment_id;
ALTER TABLE ledger_postings DROP COLUMN payment_id;
DROP TABLE payments;
