DROP TABLE rate_entries;
