//! Access tokens: HS256 JWTs with issuer, audience, expiry, subject, organisation, role and
//! session, checked by an explicit [`Validation`] that accepts HS256 only.
//!
//! Keys have ids (`kid`, RFC 7515 section 4.1.4): the first 8 bytes of the secret's SHA-256 in
//! hex, so every node given the same secret derives the same id. Tokens are signed with the
//! current key; the previous keys (`SOLVO_JWT_PREVIOUS_SECRETS`) still verify the tokens they
//! signed, so a rotation logs nobody out: access tokens live at most 15 minutes, and the old
//! key can be dropped after that. A token without `kid` (signed before keys had ids) is checked
//! against the current key.

use crate::error::TokenProblem;
use chrono::{DateTime, Utc};
use jsonwebtoken::{
    Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, decode_header, encode,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Seconds of clock skew tolerated between API nodes.
const LEEWAY_SECONDS: u64 = 5;

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Subject: the user id.
    pub sub: String,
    /// The user's organisation.
    pub org: String,
    /// The user's role when the token was issued (the extractor uses the current one).
    pub role: String,
    /// Session id: revoking the session invalidates the token before it expires.
    pub sid: String,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Expiry (Unix seconds).
    pub exp: i64,
}

/// Signing and verification keys with the validation rules.
#[derive(Clone)]
pub struct JwtKeys {
    kid: String,
    encoding: EncodingKey,
    /// The current key first, then the previous ones, each with its id.
    decoding: Vec<(String, DecodingKey)>,
    validation: Validation,
    /// The same rules with the portal's audience: a debtor's token is never a staff token.
    portal_validation: Validation,
    issuer: String,
    audience: String,
}

/// The audience of debtor portal tokens: the staff audience with this suffix.
pub const PORTAL_AUDIENCE_SUFFIX: &str = "-portal";

/// The id of the key made from `secret`.
#[must_use]
pub fn key_id(secret: &[u8]) -> String {
    hex::encode(&Sha256::digest(secret)[..8])
}

impl JwtKeys {
    /// Keys from a shared secret.
    #[must_use]
    pub fn new(secret: &[u8], issuer: &str, audience: &str) -> Self {
        Self::rotated(secret, &[], issuer, audience)
    }

    /// Keys signing with `current` and verifying with it and with each of `previous`.
    #[must_use]
    pub fn rotated(current: &[u8], previous: &[Vec<u8>], issuer: &str, audience: &str) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_exp = true;
        let mut portal_validation = validation.clone();
        portal_validation.set_audience(&[format!("{audience}{PORTAL_AUDIENCE_SUFFIX}")]);
        let decoding = std::iter::once(current)
            .chain(previous.iter().map(Vec::as_slice))
            .map(|secret| (key_id(secret), DecodingKey::from_secret(secret)))
            .collect();
        Self {
            kid: key_id(current),
            encoding: EncodingKey::from_secret(current),
            decoding,
            validation,
            portal_validation,
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
        }
    }

    /// The claims for a user's session at `now`, valid for `ttl_seconds`.
    #[must_use]
    pub fn claims(
        &self,
        user_id: &str,
        organisation_id: &str,
        role: &str,
        session_id: &str,
        now: DateTime<Utc>,
        ttl_seconds: i64,
    ) -> AccessClaims {
        AccessClaims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: user_id.to_owned(),
            org: organisation_id.to_owned(),
            role: role.to_owned(),
            sid: session_id.to_owned(),
            iat: now.timestamp(),
            exp: now.timestamp() + ttl_seconds,
        }
    }

    /// The claims of a debtor's portal session at `now`: subject the debtor record, organisation
    /// the creditor, session the access code it was opened with; valid for `ttl_seconds` and
    /// only under the portal's audience.
    #[must_use]
    pub fn portal_claims(
        &self,
        debtor_id: &str,
        organisation_id: &str,
        grant_id: &str,
        now: DateTime<Utc>,
        ttl_seconds: i64,
    ) -> AccessClaims {
        let mut claims = self.claims(
            debtor_id,
            organisation_id,
            "debtor",
            grant_id,
            now,
            ttl_seconds,
        );
        claims.aud = format!("{}{PORTAL_AUDIENCE_SUFFIX}", self.audience);
        claims
    }

    /// Signs claims.
    ///
    /// # Errors
    /// Only if serialising the claims fails, which is a bug.
    pub fn sign(&self, claims: &AccessClaims) -> anyhow::Result<String> {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.kid.clone());
        Ok(encode(&header, claims, &self.encoding)?)
    }

    /// The id of the signing key.
    #[must_use]
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// Verifies signature, algorithm, issuer, audience and expiry. An expired token is told
    /// apart (the client should refresh it); every other failure is [`TokenProblem::Invalid`].
    ///
    /// # Errors
    /// The [`TokenProblem`].
    pub fn verify(&self, token: &str) -> Result<AccessClaims, TokenProblem> {
        self.verify_with(token, &self.validation)
    }

    /// Verifies a debtor portal token as [`Self::verify`] does a staff token; a staff token is
    /// refused here, as a portal token is there.
    ///
    /// # Errors
    /// The [`TokenProblem`].
    pub fn verify_portal(&self, token: &str) -> Result<AccessClaims, TokenProblem> {
        self.verify_with(token, &self.portal_validation)
    }

    fn verify_with(
        &self,
        token: &str,
        validation: &Validation,
    ) -> Result<AccessClaims, TokenProblem> {
        let kid = decode_header(token).map_err(|_| TokenProblem::Invalid)?.kid;
        let (_, key) = match kid {
            Some(kid) => self.decoding.iter().find(|(id, _)| *id == kid),
            None => self.decoding.first(),
        }
        .ok_or(TokenProblem::Invalid)?;
        match decode::<AccessClaims>(token, key, validation) {
            Ok(data) => Ok(data.claims),
            Err(err) => {
                tracing::debug!(error = %err, "access token refused");
                // Only a token whose signature checked out can be expired: the library
                // validates the signature before the claims.
                if matches!(
                    err.kind(),
                    jsonwebtoken::errors::ErrorKind::ExpiredSignature
                ) {
                    Err(TokenProblem::Expired)
                } else {
                    Err(TokenProblem::Invalid)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(b"0123456789abcdef0123456789abcdef", "solvo", "solvo-api")
    }

    #[test]
    fn a_portal_token_is_never_a_staff_token_nor_the_other_way_round() {
        let keys = keys();
        let portal = keys.portal_claims("dbt_1", "org_1", "dac_1", Utc::now(), 900);
        let portal_token = keys.sign(&portal).unwrap();
        assert_eq!(keys.verify_portal(&portal_token), Ok(portal));
        assert_eq!(keys.verify(&portal_token), Err(TokenProblem::Invalid));
        let staff = keys.claims("usr_1", "org_1", "collector", "ses_1", Utc::now(), 900);
        let staff_token = keys.sign(&staff).unwrap();
        assert_eq!(keys.verify_portal(&staff_token), Err(TokenProblem::Invalid));
    }

    #[test]
    fn a_signed_token_verifies_with_its_claims() {
        let keys = keys();
        let claims = keys.claims("usr_1", "org_1", "collector", "ses_1", Utc::now(), 900);
        let token = keys.sign(&claims).unwrap();
        assert_eq!(keys.verify(&token), Ok(claims));
    }

    #[test]
    fn expired_foreign_and_unsigned_tokens_are_refused() {
        let keys = keys();
        let past = Utc::now() - chrono::Duration::hours(1);
        let expired = keys
            .sign(&keys.claims("u", "o", "collector", "s", past, 900))
            .unwrap();
        assert_eq!(keys.verify(&expired), Err(TokenProblem::Expired));

        let other = JwtKeys::new(b"another-secret-another-secret-xx", "solvo", "solvo-api");
        let forged = other
            .sign(&other.claims("u", "o", "agency_admin", "s", Utc::now(), 900))
            .unwrap();
        assert_eq!(keys.verify(&forged), Err(TokenProblem::Invalid));

        let wrong_audience =
            JwtKeys::new(b"0123456789abcdef0123456789abcdef", "solvo", "elsewhere");
        let token = wrong_audience
            .sign(&wrong_audience.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        assert_eq!(keys.verify(&token), Err(TokenProblem::Invalid));

        let valid = keys
            .sign(&keys.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        let payload = valid.split('.').nth(1).unwrap();
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        assert_eq!(
            keys.verify(&format!("{header}.{payload}.")),
            Err(TokenProblem::Invalid)
        );
    }

    #[test]
    fn a_rotation_keeps_the_previous_keys_tokens_valid_until_the_key_is_dropped() {
        let old_secret = b"0123456789abcdef0123456789abcdef".to_vec();
        let new_secret = b"fedcba9876543210fedcba9876543210".to_vec();
        let old = keys();
        let issued = old
            .sign(&old.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        let rotated = JwtKeys::rotated(&new_secret, &[old_secret], "solvo", "solvo-api");
        assert!(rotated.verify(&issued).is_ok(), "an old token still works");
        let fresh = rotated
            .sign(&rotated.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        assert_eq!(
            decode_header(&fresh).unwrap().kid.as_deref(),
            Some(rotated.kid())
        );
        assert!(
            old.verify(&fresh).is_err(),
            "the old key does not verify new tokens"
        );
        let dropped = JwtKeys::new(&new_secret, "solvo", "solvo-api");
        assert!(
            dropped.verify(&issued).is_err(),
            "dropping the old key ends its tokens"
        );
        assert!(dropped.verify(&fresh).is_ok());

        // A token without `kid` is checked against the current key only.
        let claims = old.claims("u", "o", "collector", "s", Utc::now(), 900);
        let unlabelled = encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .unwrap();
        assert!(old.verify(&unlabelled).is_ok());
        assert!(rotated.verify(&unlabelled).is_err());
    }
}
