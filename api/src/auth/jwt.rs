//! Access tokens: HS256 JWTs with issuer, audience, expiry, subject, organisation, role and
//! session, checked by an explicit [`Validation`] that accepts HS256 only.

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

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
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
}

impl JwtKeys {
    /// Keys from a shared secret.
    #[must_use]
    pub fn new(secret: &[u8], issuer: &str, audience: &str) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_exp = true;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
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

    /// Signs claims.
    ///
    /// # Errors
    /// Only if serialising the claims fails, which is a bug.
    pub fn sign(&self, claims: &AccessClaims) -> anyhow::Result<String> {
        Ok(encode(
            &Header::new(Algorithm::HS256),
            claims,
            &self.encoding,
        )?)
    }

    /// Verifies signature, algorithm, issuer, audience and expiry; `None` for any failure (the
    /// client gets the same 401 whatever was wrong).
    #[must_use]
    pub fn verify(&self, token: &str) -> Option<AccessClaims> {
        match decode::<AccessClaims>(token, &self.decoding, &self.validation) {
            Ok(data) => Some(data.claims),
            Err(err) => {
                tracing::debug!(error = %err, "access token refused");
                None
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
    fn a_signed_token_verifies_with_its_claims() {
        let keys = keys();
        let claims = keys.claims("usr_1", "org_1", "collector", "ses_1", Utc::now(), 900);
        let token = keys.sign(&claims).unwrap();
        assert_eq!(keys.verify(&token), Some(claims));
    }

    #[test]
    fn expired_foreign_and_unsigned_tokens_are_refused() {
        let keys = keys();
        let past = Utc::now() - chrono::Duration::hours(1);
        let expired = keys
            .sign(&keys.claims("u", "o", "collector", "s", past, 900))
            .unwrap();
        assert_eq!(keys.verify(&expired), None);

        let other = JwtKeys::new(b"another-secret-another-secret-xx", "solvo", "solvo-api");
        let forged = other
            .sign(&other.claims("u", "o", "agency_admin", "s", Utc::now(), 900))
            .unwrap();
        assert_eq!(keys.verify(&forged), None);

        let wrong_audience =
            JwtKeys::new(b"0123456789abcdef0123456789abcdef", "solvo", "elsewhere");
        let token = wrong_audience
            .sign(&wrong_audience.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        assert_eq!(keys.verify(&token), None);

        let valid = keys
            .sign(&keys.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        let payload = valid.split('.').nth(1).unwrap();
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        assert_eq!(keys.verify(&format!("{header}.{payload}.")), None);
    }
}
