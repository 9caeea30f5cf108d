//! Argon2id password hashing with the crate's recommended parameters (OWASP's minimum:
//! 19 MiB, 2 passes, 1 lane). Slow on purpose; the server runs it through the gate
//! (`credentials::gate`), which gives each computation its [`Memory`].

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{
    Output, ParamsString, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Block, Params, Version};

/// The working memory of one computation (19 MiB), allocated by the caller so that it decides
/// how long the memory lives (`credentials::gate` says why it frees it after each one).
pub struct Memory(Vec<Block>);

impl Memory {
    /// Memory for the default parameters.
    #[must_use]
    pub fn new() -> Self {
        Self(vec![Block::default(); Params::default().block_count()])
    }
}

impl Default for Memory {
    fn default() -> Self {
        Self::new()
    }
}

/// [`hash`] in `memory`.
///
/// # Errors
/// Only if the hasher rejects its own parameters, which is a bug.
pub fn hash_in(password: &str, memory: &mut Memory) -> anyhow::Result<String> {
    let fail = |err: &dyn std::fmt::Display| anyhow::anyhow!("hashing a password failed: {err}");
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0_u8; 64];
    let salt_raw = salt
        .as_salt()
        .decode_b64(&mut salt_bytes)
        .map_err(|err| fail(&err))?;
    let params = Params::default();
    let hasher = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
        hasher
            .hash_password_into_with_memory(password.as_bytes(), salt_raw, out, &mut memory.0)
            .map_err(Into::into)
    })
    .map_err(|err| fail(&err))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|err| fail(&err))?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// [`verify`] in `memory`; a stored hash that needs more memory than `memory` holds is checked
/// with memory of its own (hashes made here never do).
#[must_use]
pub fn verify_in(password: &str, stored: &str, memory: &mut Memory) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(expected), Some(salt)) = (parsed.hash, parsed.salt) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
    ) else {
        return false;
    };
    let version = parsed
        .version
        .map_or(Ok(Version::default()), Version::try_from);
    let Ok(version) = version else {
        return false;
    };
    if params.block_count() > memory.0.len() {
        return verify(password, stored);
    }
    let mut salt_bytes = [0_u8; 64];
    let Ok(salt_raw) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let hasher = Argon2::new(algorithm, version, params);
    Output::init_with(expected.len(), |out| {
        hasher
            .hash_password_into_with_memory(password.as_bytes(), salt_raw, out, &mut memory.0)
            .map_err(Into::into)
    })
    // `Output`'s equality takes the same time however much of it matches.
    .is_ok_and(|computed| computed == expected)
}

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
/// password take the same time and an attacker cannot probe which emails exist: made by
/// [`hash`], so its cost, salt and output are a stored hash's (a test keeps them so).
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$4hGRgolMOoOS9/KWK7p+EA$yL26gd8cqUXvNul0xrX4+G7OTcWbJA6bFp8emwjIXLc";

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
    fn hashing_in_reused_memory_agrees_with_the_allocating_functions() {
        let mut memory = Memory::new();
        let stored = hash_in("correct horse battery", &mut memory).unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(verify("correct horse battery", &stored));
        assert!(verify_in("correct horse battery", &stored, &mut memory));
        assert!(!verify_in("correct horse batterY", &stored, &mut memory));
        let other = hash("another passphrase").unwrap();
        assert!(verify_in("another passphrase", &other, &mut memory));
        assert!(!verify_in("anything", DUMMY_HASH, &mut memory));
        assert!(!verify_in("anything", "not a hash", &mut memory));
        let bigger = "$argon2id$v=19$m=32768,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$";
        assert!(
            !verify_in("x", bigger, &mut memory),
            "no hash part: refused"
        );
    }

    #[test]
    fn the_dummy_hash_parses_and_a_garbage_hash_never_verifies() {
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        // What an unknown email costs is what a known one's hash costs.
        let stored = hash("correct horse battery").unwrap();
        let real = PasswordHash::new(&stored).unwrap();
        assert_eq!(
            Params::try_from(&dummy).unwrap(),
            Params::try_from(&real).unwrap()
        );
        assert_eq!(dummy.hash.unwrap().len(), real.hash.unwrap().len());
        assert_eq!(dummy.salt.unwrap().len(), real.salt.unwrap().len());
        assert_eq!(dummy.algorithm, real.algorithm);
        assert!(!verify("anything", "not a hash"));
    }
}
