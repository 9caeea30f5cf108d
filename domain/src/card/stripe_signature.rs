//! Stripe's webhook signature, checked as Stripe documents it ("Verify webhook signatures with
//! the official libraries" / "Verify signatures manually", docs.stripe.com/webhooks):
//!
//! 1. The `Stripe-Signature` header is a comma-separated list of `key=value` pairs: `t` the
//!    timestamp (Unix seconds), `v1` one or more signatures (several while a secret is rolled),
//!    and `v0` test-mode signatures of an old scheme, which are ignored.
//! 2. The signed payload is the timestamp, a `.`, and the raw request body, byte for byte.
//! 3. A signature is the HMAC-SHA256 of the signed payload keyed with the endpoint's signing
//!    secret (the whole `whsec_…` string), in lower-case hex.
//! 4. The event is genuine when any `v1` equals the expected signature, compared in constant
//!    time, and the timestamp is within the tolerance of now (Stripe's libraries default to five
//!    minutes), which bounds replays of a captured request.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Stripe's libraries' default tolerance between the signature's timestamp and now.
pub const DEFAULT_TOLERANCE_SECONDS: i64 = 300;

/// Why a request is not a genuine Stripe event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// No `t=` timestamp, or one that is not a number.
    #[error("the Stripe-Signature header has no valid timestamp")]
    NoTimestamp,
    /// No `v1=` signature.
    #[error("the Stripe-Signature header has no v1 signature")]
    NoSignature,
    /// Signed longer ago (or further ahead) than the tolerance.
    #[error("the signature's timestamp is outside the tolerance")]
    OutsideTolerance,
    /// No `v1` matches the body and the secret.
    #[error("no signature matches the payload")]
    Mismatch,
}

/// Checks `header` for `body` with the endpoint's `secret` at `now` (Unix seconds); returns the
/// signature's timestamp.
///
/// # Errors
/// The [`SignatureError`].
pub fn verify(
    header: &str,
    body: &[u8],
    secret: &str,
    now: i64,
    tolerance_seconds: i64,
) -> Result<i64, SignatureError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for pair in header.split(',') {
        match pair.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::NoTimestamp)?;
    if signatures.is_empty() {
        return Err(SignatureError::NoSignature);
    }
    let genuine = signatures.iter().any(|signature| {
        let Some(bytes) = hex_bytes(signature) else {
            return false;
        };
        mac(secret, timestamp, body).is_some_and(|mac| mac.verify_slice(&bytes).is_ok())
    });
    if !genuine {
        return Err(SignatureError::Mismatch);
    }
    if now.abs_diff(timestamp) > tolerance_seconds.unsigned_abs() {
        return Err(SignatureError::OutsideTolerance);
    }
    Ok(timestamp)
}

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    Some(mac)
}

/// Lower- or upper-case hex as bytes; `None` for anything else.
fn hex_bytes(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| {
            text.get(at..at + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    const SECRET: &str = "whsec_test_secret";
    const BODY: &[u8] = br#"{"id":"evt_1","type":"checkout.session.completed"}"#;

    /// Signs as the documentation describes, written out independently of [`verify`].
    fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{timestamp}.").as_bytes());
        mac.update(body);
        mac.finalize()
            .into_bytes()
            .iter()
            .fold(String::new(), |mut hex, byte| {
                write!(hex, "{byte:02x}").unwrap();
                hex
            })
    }

    #[test]
    fn a_genuine_signature_verifies_among_others_and_v0() {
        let good = signature(SECRET, 1_700_000_000, BODY);
        let old_secret = signature("whsec_old", 1_700_000_000, BODY);
        let header = format!("t=1700000000,v1={old_secret},v1={good},v0=deadbeef");
        assert_eq!(
            verify(
                &header,
                BODY,
                SECRET,
                1_700_000_100,
                DEFAULT_TOLERANCE_SECONDS
            ),
            Ok(1_700_000_000)
        );
    }

    #[test]
    fn a_tampered_body_another_secret_or_a_stale_timestamp_is_refused() {
        let good = signature(SECRET, 1_700_000_000, BODY);
        let header = format!("t=1700000000,v1={good}");
        let tampered = br#"{"id":"evt_1","type":"checkout.session.completed" }"#;
        assert_eq!(
            verify(&header, tampered, SECRET, 1_700_000_000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&header, BODY, "whsec_other", 1_700_000_000, 300),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&header, BODY, SECRET, 1_700_000_301, 300),
            Err(SignatureError::OutsideTolerance)
        );
        assert_eq!(
            verify(&header, BODY, SECRET, 1_700_000_300, 300),
            Ok(1_700_000_000)
        );
        // The timestamp is signed: moving it breaks the signature.
        let moved = format!("t=1700000100,v1={good}");
        assert_eq!(
            verify(&moved, BODY, SECRET, 1_700_000_100, 300),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn a_header_without_its_parts_is_refused() {
        assert_eq!(
            verify("v1=00", BODY, SECRET, 0, 300),
            Err(SignatureError::NoTimestamp)
        );
        assert_eq!(
            verify("t=1", BODY, SECRET, 1, 300),
            Err(SignatureError::NoSignature)
        );
        assert_eq!(
            verify("t=1,v1=zz", BODY, SECRET, 1, 300),
            Err(SignatureError::Mismatch)
        );
    }
}
