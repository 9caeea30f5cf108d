DROP TABLE provider_events;
DROP TABLE card_payments;
