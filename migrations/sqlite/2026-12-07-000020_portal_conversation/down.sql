DROP TABLE data_requests;
DROP TABLE complaints;
DROP TABLE debtor_messages;
