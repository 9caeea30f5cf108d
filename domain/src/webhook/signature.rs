//! The signature of a delivery: `v1,` and the base64 HMAC-SHA256, keyed with the secret's
//! bytes, of `msg_id.timestamp.body` (Standard Webhooks, "Signature scheme"). During a secret
//! rotation the header carries one signature per secret, space-separated, so a subscriber that
//! still has the old secret verifies as well as one that has the new.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::secret::Secret;

/// `v1,<base64 HMAC-SHA256(key, "{msg_id}.{timestamp}.{body}")>`.
#[must_use]
pub fn sign(secret: &Secret, msg_id: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes a key of any length (RFC 2104 hashes a long one), so this never fails; were
    // it to, an empty signature fails every verification rather than sending an unsigned body.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.key()) else {
        return String::new();
    };
    mac.update(msg_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// The `webhook-signature` header: one signature per secret, in order, space-separated.
#[must_use]
pub fn signature_header(secrets: &[&Secret], msg_id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .map(|secret| sign(secret, msg_id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::{Secret, sign, signature_header};

    /// The signing test vectors the Standard Webhooks project publishes with its libraries.
    #[test]
    fn the_specifications_test_vectors_sign_alike() {
        let secret = Secret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        assert_eq!(
            sign(
                &secret,
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1_614_265_330,
                br#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        let secret = Secret::parse("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
        assert_eq!(
            sign(
                &secret,
                "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
                1_649_367_553,
                br#"{"email":"test@example.com","username":"test_user"}"#
            ),
            "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw="
        );
    }

    #[test]
    fn during_a_rotation_both_signatures_are_sent_new_first() {
        let new = Secret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let old = Secret::parse("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
        let header = signature_header(&[&new, &old], "evt_1", 1_700_000_000, b"{}");
        let parts: Vec<&str> = header.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], sign(&new, "evt_1", 1_700_000_000, b"{}"));
        assert_eq!(parts[1], sign(&old, "evt_1", 1_700_000_000, b"{}"));
        assert_ne!(parts[0], parts[1]);
    }
}
