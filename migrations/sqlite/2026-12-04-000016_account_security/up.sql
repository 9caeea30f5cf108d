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

-- One-time password reset tokens an administrator issues for a user (handed over out of band;
-- there is no email delivery). Only the SHA-256 is kept; a token works once, until it expires,
-- and issuing another withdraws the earlier ones.
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    -- The user or API key that issued it.
    issued_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    -- Set when it was used or withdrawn.
    used_at TIMESTAMP
);
CREATE INDEX password_resets_user_id ON password_resets (user_id);
