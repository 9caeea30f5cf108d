//! Ed25519 keys for `EdDSA` access tokens (RFC 8037 section 3.1): the signing key as a PKCS#8
//! `PRIVATE KEY` PEM block (RFC 8410 section 7, what `openssl genpkey -algorithm ed25519`
//! writes), earlier keys by their `PUBLIC KEY` blocks (RFC 8410 section 4,
//! `openssl pkey -pubout`), and each key's id, its JWK thumbprint (RFC 7638 section 3).
//!
//! jsonwebtoken only checks a PEM block's algorithm when it loads a key and parses the key
//! itself on the first signature, so the keys are parsed here, at start-up, where a bad one
//! can stop the server with the setting named.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey};
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

const PRIVATE_TAG: &str = "PRIVATE KEY";
const PUBLIC_TAG: &str = "PUBLIC KEY";

/// Why a key was refused; the caller names the setting it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Text that is not PEM, or a block whose base64 does not decode.
    #[error("not PEM: {0}")]
    NotPem(String),
    /// No PEM block at all.
    #[error("no `-----BEGIN {0}-----` block")]
    Missing(&'static str),
    /// A block of another kind (an encrypted key, a certificate, an RSA key).
    #[error("a `{found}` block where `{expected}` was expected")]
    WrongBlock {
        /// The block's label.
        found: String,
        /// The label wanted.
        expected: &'static str,
    },
    /// More than one signing key.
    #[error("more than one `PRIVATE KEY` block: give only the key that signs")]
    SeveralPrivate,
    /// A private key block that is not an Ed25519 key in PKCS#8.
    #[error(
        "the `PRIVATE KEY` block is not an Ed25519 key in PKCS#8 (openssl genpkey -algorithm ed25519)"
    )]
    NotEd25519Private,
    /// A public key block that is not an Ed25519 key.
    #[error("a `PUBLIC KEY` block is not an Ed25519 public key (openssl pkey -pubout)")]
    NotEd25519Public,
}

/// An Ed25519 signing key: its PKCS#8 document, which jsonwebtoken signs with, and its public
/// half, which verifies and is published.
#[derive(Clone)]
pub struct Ed25519Signing {
    pkcs8: Vec<u8>,
    public: Ed25519Public,
}

/// An Ed25519 public key (its 32 bytes, RFC 8032 section 5.1.5).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Ed25519Public([u8; 32]);

impl std::fmt::Debug for Ed25519Signing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key, even in a debug log.
        f.debug_struct("Ed25519Signing")
            .field("kid", &self.public.kid())
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Ed25519Public {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Ed25519Public").field(&self.x()).finish()
    }
}

impl Ed25519Signing {
    /// The one `PRIVATE KEY` block of `text`.
    ///
    /// # Errors
    /// The [`KeyError`].
    pub fn from_pem(text: &str) -> Result<Self, KeyError> {
        let blocks = blocks(text, PRIVATE_TAG)?;
        let [block] = blocks.as_slice() else {
            return Err(KeyError::SeveralPrivate);
        };
        let key = SigningKey::from_pkcs8_der(block.contents())
            .map_err(|_| KeyError::NotEd25519Private)?;
        Ok(Self {
            pkcs8: block.contents().to_vec(),
            public: Ed25519Public(key.verifying_key().to_bytes()),
        })
    }

    /// The PKCS#8 document.
    #[must_use]
    pub fn pkcs8(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The public half.
    #[must_use]
    pub fn public(&self) -> Ed25519Public {
        self.public
    }
}

impl Ed25519Public {
    /// Every `PUBLIC KEY` block of `text`, in order.
    ///
    /// # Errors
    /// The [`KeyError`]: every block must be an Ed25519 public key.
    pub fn all_from_pem(text: &str) -> Result<Vec<Self>, KeyError> {
        blocks(text, PUBLIC_TAG)?
            .iter()
            .map(|block| {
                VerifyingKey::from_public_key_der(block.contents())
                    .map(|key| Self(key.to_bytes()))
                    .map_err(|_| KeyError::NotEd25519Public)
            })
            .collect()
    }

    /// The key's bytes.
    #[must_use]
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The JWK `x` member: the key's bytes in base64url (RFC 8037 section 2).
    #[must_use]
    pub fn x(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// The key's id: its JWK thumbprint (RFC 7638 section 3.2: the required members in
    /// lexicographic order, no whitespace; RFC 8037 section 2 names them for OKP keys), so
    /// every node given the same key, and a verifier holding only the public key, derives it.
    #[must_use]
    pub fn kid(&self) -> String {
        let members = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#, self.x());
        URL_SAFE_NO_PAD.encode(Sha256::digest(members.as_bytes()))
    }
}

/// The PEM blocks of `text`, each labelled `tag`; at least one.
fn blocks(text: &str, tag: &'static str) -> Result<Vec<pem::Pem>, KeyError> {
    let blocks = pem::parse_many(text).map_err(|err| KeyError::NotPem(err.to_string()))?;
    if blocks.is_empty() {
        return Err(KeyError::Missing(tag));
    }
    if let Some(other) = blocks.iter().find(|block| block.tag() != tag) {
        return Err(KeyError::WrongBlock {
            found: other.tag().to_owned(),
            expected: tag,
        });
    }
    Ok(blocks)
}

#[cfg(test)]
pub(crate) mod tests {
    use base64::engine::general_purpose::STANDARD;

    use super::*;

    /// The DER of a PKCS#8 v1 Ed25519 private key before its 32-byte seed (RFC 8410 section 7).
    const PRIVATE_PREFIX: [u8; 16] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    /// The DER of an Ed25519 `SubjectPublicKeyInfo` before its 32-byte key (RFC 8410 section 4).
    const PUBLIC_PREFIX: [u8; 12] = [
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ];

    fn armour(tag: &str, prefix: &[u8], key: &[u8]) -> String {
        let der = [prefix, key].concat();
        format!(
            "-----BEGIN {tag}-----\n{}\n-----END {tag}-----\n",
            STANDARD.encode(der)
        )
    }

    /// An Ed25519 private key in PEM.
    pub(crate) fn private_pem(seed: [u8; 32]) -> String {
        armour("PRIVATE KEY", &PRIVATE_PREFIX, &seed)
    }

    /// An Ed25519 public key in PEM.
    pub(crate) fn public_pem(key: &[u8; 32]) -> String {
        armour("PUBLIC KEY", &PUBLIC_PREFIX, key)
    }

    #[test]
    fn the_rfc_8037_key_gives_its_published_public_key_and_thumbprint() {
        // RFC 8037 appendix A.1 gives the private key `d`, A.2 its public key `x`, A.3 the
        // thumbprint of that JWK.
        let seed: [u8; 32] = URL_SAFE_NO_PAD
            .decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A")
            .unwrap()
            .try_into()
            .unwrap();
        let key = Ed25519Signing::from_pem(&private_pem(seed)).unwrap();
        assert_eq!(
            key.public().x(),
            "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        );
        assert_eq!(
            key.public().kid(),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
        let public = Ed25519Public::all_from_pem(&public_pem(key.public().bytes())).unwrap();
        assert_eq!(public, vec![key.public()]);
    }

    #[test]
    fn several_public_keys_are_read_in_order() {
        let one = Ed25519Signing::from_pem(&private_pem([1; 32]))
            .unwrap()
            .public();
        let two = Ed25519Signing::from_pem(&private_pem([2; 32]))
            .unwrap()
            .public();
        let text = format!("{}{}", public_pem(one.bytes()), public_pem(two.bytes()));
        assert_eq!(Ed25519Public::all_from_pem(&text).unwrap(), vec![one, two]);
    }

    #[test]
    fn malformed_keys_are_refused_with_the_reason() {
        assert_eq!(
            Ed25519Signing::from_pem("").unwrap_err(),
            KeyError::Missing("PRIVATE KEY")
        );
        assert!(matches!(
            Ed25519Signing::from_pem(
                "-----BEGIN PRIVATE KEY-----\n%%%\n-----END PRIVATE KEY-----\n"
            ),
            Err(KeyError::NotPem(_))
        ));
        let public = public_pem(&[7; 32]);
        assert_eq!(
            Ed25519Signing::from_pem(&public).unwrap_err(),
            KeyError::WrongBlock {
                found: "PUBLIC KEY".to_owned(),
                expected: "PRIVATE KEY"
            }
        );
        let two = format!("{}{}", private_pem([1; 32]), private_pem([2; 32]));
        assert_eq!(
            Ed25519Signing::from_pem(&two).unwrap_err(),
            KeyError::SeveralPrivate
        );
        // The right label over a document cut short (a 31-byte seed).
        let short = armour("PRIVATE KEY", &PRIVATE_PREFIX, &[1; 31]);
        assert_eq!(
            Ed25519Signing::from_pem(&short).unwrap_err(),
            KeyError::NotEd25519Private
        );
        let private = private_pem([1; 32]);
        assert_eq!(
            Ed25519Public::all_from_pem(&private).unwrap_err(),
            KeyError::WrongBlock {
                found: "PRIVATE KEY".to_owned(),
                expected: "PUBLIC KEY"
            }
        );
        // Ed448's algorithm identifier (RFC 8410 section 3: 1.3.101.113) over 32 bytes.
        let mut ed448 = PUBLIC_PREFIX;
        ed448[8] = 0x71;
        let not_ed25519 = armour("PUBLIC KEY", &ed448, &[7; 32]);
        assert_eq!(
            Ed25519Public::all_from_pem(&not_ed25519).unwrap_err(),
            KeyError::NotEd25519Public
        );
    }
}
