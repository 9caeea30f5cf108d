-- Login attempts counted per account, per client address and per account and address together,
-- so that every API node on one database throttles alike. An attempt is counted before its
-- password is checked (in the transaction that decides whether it may be checked at all), and
-- each key's next attempt waits longer the more failures it has (exponential back-off, capped).
-- `key` is the SHA-256 of the kind and the value (no email or address is kept in clear);
-- a row whose last failure is older than the window is forgotten.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at TIMESTAMP NOT NULL
);
CREATE INDEX login_throttle_last_failure_at ON login_throttle (last_failure_at);
