//! Argon2id password hashing with the crate's recommended parameters (OWASP's minimum:
//! 19 MiB, 2 passes, 1 lane). Runs on the blocking pool: it is slow on purpose.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask 12 of staff).
pub const MIN_PASSWORD_CHARS: u64 = 12;
/// Longest password accepted, to bound hashing work.
pub const MAX_PASSWORD_CHARS: u64 = 256;

/// Hashes a password into a PHC string.
///
/// # Errors
/// Only if the hasher rejects its own parameters, which is a bug.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| anyhow::anyhow!("hashing a password failed: {err}"))
}

/// Checks a password against a stored PHC string; a malformed stored hash never verifies.
#[must_use]
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A fixed hash verified against when the email is unknown, so that a wrong email and a wrong
/// password take the same time and an attacker cannot probe which emails exist.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29sdm9kdW1teXNhbHQ$J4moa2MM0/6uf3HbY2Tf5Fux8JIBTwIhmhxGRbsY14qhTltQt+Vw3b7tcJNEbk8ium8AQfZeD4tabCnNqfkD1g";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
    }

    #[test]
    fn the_dummy_hash_parses_and_a_garbage_hash_never_verifies() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(!verify("anything", "not a hash"));
    }
}
