DROP TABLE bank_transaction_matches;
DROP TABLE bank_transactions;
DROP TABLE bank_statements;
