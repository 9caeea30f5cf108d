//! The signing secret of a webhook endpoint: 24 to 64 random bytes, shown to the subscriber as
//! `whsec_` and their standard base64 (Standard Webhooks, "Signature scheme").

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The prefix that marks a symmetric Standard Webhooks secret.
pub const PREFIX: &str = "whsec_";
/// The fewest bytes a secret may have (192 bits).
pub const MIN_BYTES: usize = 24;
/// The most bytes a secret may have (512 bits).
pub const MAX_BYTES: usize = 64;
/// How many bytes Solvo draws for a new secret.
pub const NEW_SECRET_BYTES: usize = 32;

/// A secret that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// Not `whsec_` followed by base64.
    #[error("a webhook secret is whsec_ followed by base64")]
    Format,
    /// Decoded to too few or too many bytes.
    #[error("a webhook secret has 24 to 64 bytes, this one {0}")]
    Length(usize),
}

/// A signing secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// The secret of these bytes.
    ///
    /// # Errors
    /// [`SecretError::Length`] outside 24 to 64 bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, SecretError> {
        if (MIN_BYTES..=MAX_BYTES).contains(&bytes.len()) {
            Ok(Self(bytes))
        } else {
            Err(SecretError::Length(bytes.len()))
        }
    }

    /// Reads `whsec_<base64>`.
    ///
    /// # Errors
    /// [`SecretError`] when it is not that, or has the wrong length.
    pub fn parse(text: &str) -> Result<Self, SecretError> {
        let encoded = text.strip_prefix(PREFIX).ok_or(SecretError::Format)?;
        let bytes = STANDARD.decode(encoded).map_err(|_| SecretError::Format)?;
        Self::from_bytes(bytes)
    }

    /// The key bytes the HMAC is keyed with.
    #[must_use]
    pub fn key(&self) -> &[u8] {
        &self.0
    }

    /// `whsec_<base64>`, as shown to the subscriber and stored.
    #[must_use]
    pub fn expose(&self) -> String {
        format!("{PREFIX}{}", STANDARD.encode(&self.0))
    }
}

// A secret never reaches a log by accident.
impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::{Secret, SecretError};

    #[test]
    fn a_secret_reads_back_from_its_shown_form() {
        let secret = Secret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        assert_eq!(secret.key().len(), 24);
        assert_eq!(secret.expose(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assert_eq!(format!("{secret:?}"), "Secret(…)");
    }

    #[test]
    fn short_long_and_malformed_secrets_are_refused() {
        assert_eq!(
            Secret::from_bytes(vec![0; 23]),
            Err(SecretError::Length(23))
        );
        assert_eq!(
            Secret::from_bytes(vec![0; 65]),
            Err(SecretError::Length(65))
        );
        assert!(Secret::from_bytes(vec![0; 64]).is_ok());
        assert_eq!(
            Secret::parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            Err(SecretError::Format)
        );
        assert_eq!(Secret::parse("whsec_not base64!"), Err(SecretError::Format));
        assert_eq!(Secret::parse("whsec_"), Err(SecretError::Length(0)));
    }
}
