//! Opaque secrets (API keys, refresh tokens): random, URL-safe, stored only as SHA-256.
//! A fast hash is enough here because the secrets carry 256 bits of entropy; argon2 is for
//! human passwords.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Prefix of API key secrets, so that the extractor (and secret scanners) recognise them.
pub const API_KEY_PREFIX: &str = "sk_";
/// Prefix of refresh tokens.
pub const REFRESH_TOKEN_PREFIX: &str = "rt_";
/// How many characters of an API key are kept in clear to recognise it in lists.
pub const VISIBLE_PREFIX_CHARS: usize = 11;

/// A new random secret: `prefix` + 32 random bytes in URL-safe base64.
#[must_use]
pub fn generate(prefix: &str) -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Hex SHA-256 of a secret, the form in which it is stored and looked up.
#[must_use]
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// The part of an API key shown in lists (`sk_AbCdEfGh`).
#[must_use]
pub fn visible_prefix(secret: &str) -> String {
    secret.chars().take(VISIBLE_PREFIX_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_prefixed_and_hash_stably() {
        let first = generate(API_KEY_PREFIX);
        let second = generate(API_KEY_PREFIX);
        assert_ne!(first, second);
        assert!(first.starts_with("sk_"));
        assert_eq!(first.len(), 3 + 43);
        assert_eq!(digest(&first), digest(&first));
        assert_eq!(digest(&first).len(), 64);
        assert_eq!(visible_prefix(&first).len(), VISIBLE_PREFIX_CHARS);
    }
}
