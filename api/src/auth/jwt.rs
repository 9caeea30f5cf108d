//! Access tokens: JWTs with issuer, audience, expiry, subject, organisation, role and session,
//! signed with HS256 (a shared secret) or `EdDSA` (an Ed25519 key, RFC 8037), and checked by an
//! explicit [`Validation`] per key that accepts only that key's algorithm, so a token never
//! chooses how it is checked (an HS256 token "signed" with a published Ed25519 key is refused).
//!
//! Keys have ids (`kid`, RFC 7515 section 4.1.4): for a secret, the first 8 bytes of its SHA-256
//! in hex; for an Ed25519 key, its JWK thumbprint (RFC 7638); so every node given the same key
//! derives the same id. Tokens are signed with the current key; the previous keys
//! (`SOLVO_JWT_PREVIOUS_SECRETS`, `SOLVO_JWT_PREVIOUS_PUBLIC_KEYS`) still verify the tokens they
//! signed, so a rotation, also from one algorithm to the other, logs nobody out: access tokens
//! live at most 15 minutes, and the old key can be dropped after that. A token without `kid`
//! (signed before keys had ids) is checked against the current key.

use crate::auth::ed25519::{Ed25519Public, Ed25519Signing};
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

/// The key access tokens are signed with.
#[derive(Clone, Debug)]
pub enum SigningKey {
    /// An HS256 secret.
    Secret(Vec<u8>),
    /// An Ed25519 key (`EdDSA`).
    Ed25519(Ed25519Signing),
}

/// A key that only verifies: an earlier signing key kept through a rotation.
#[derive(Clone, Debug)]
pub enum VerifyingKey {
    /// An earlier HS256 secret.
    Secret(Vec<u8>),
    /// An earlier Ed25519 key's public half.
    Ed25519(Ed25519Public),
}

/// A key that verifies, with the rules that accept only its algorithm.
#[derive(Clone)]
struct Verifier {
    kid: String,
    key: DecodingKey,
    validation: Validation,
    /// The same rules with the portal's audience: a debtor's token is never a staff token.
    portal_validation: Validation,
}

/// Signing and verification keys with the validation rules.
#[derive(Clone)]
pub struct JwtKeys {
    kid: String,
    algorithm: Algorithm,
    encoding: EncodingKey,
    /// The current key first, then the previous ones.
    verifiers: Vec<Verifier>,
    /// The Ed25519 public keys among them, current first, for the key set verifiers fetch.
    published: Vec<Ed25519Public>,
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

impl VerifyingKey {
    fn kid(&self) -> String {
        match self {
            Self::Secret(secret) => key_id(secret),
            Self::Ed25519(public) => public.kid(),
        }
    }

    fn verifier(&self, issuer: &str, audience: &str) -> Verifier {
        let (key, algorithm) = match self {
            Self::Secret(secret) => (DecodingKey::from_secret(secret), Algorithm::HS256),
            // The raw 32 bytes, which is what jsonwebtoken's EdDSA verifier reads.
            Self::Ed25519(public) => (DecodingKey::from_ed_der(public.bytes()), Algorithm::EdDSA),
        };
        let mut validation = Validation::new(algorithm);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECONDS;
        validation.validate_exp = true;
        let mut portal_validation = validation.clone();
        portal_validation.set_audience(&[format!("{audience}{PORTAL_AUDIENCE_SUFFIX}")]);
        Verifier {
            kid: self.kid(),
            key,
            validation,
            portal_validation,
        }
    }
}

impl JwtKeys {
    /// HS256 keys from a shared secret (the tests' shorthand; the server builds its keys with
    /// [`Self::with_keys`]).
    #[cfg(test)]
    fn new(secret: &[u8], issuer: &str, audience: &str) -> Self {
        Self::rotated(secret, &[], issuer, audience)
    }

    /// HS256 keys signing with `current` and verifying with it and with each of `previous`.
    #[cfg(test)]
    fn rotated(current: &[u8], previous: &[Vec<u8>], issuer: &str, audience: &str) -> Self {
        let previous: Vec<VerifyingKey> = previous
            .iter()
            .map(|secret| VerifyingKey::Secret(secret.clone()))
            .collect();
        Self::with_keys(
            SigningKey::Secret(current.to_vec()),
            &previous,
            issuer,
            audience,
        )
    }

    /// Keys signing with `current` and verifying with it and with each of `previous`, whatever
    /// their algorithms.
    #[must_use]
    pub fn with_keys(
        current: SigningKey,
        previous: &[VerifyingKey],
        issuer: &str,
        audience: &str,
    ) -> Self {
        let (algorithm, encoding, current) = match current {
            SigningKey::Secret(secret) => (
                Algorithm::HS256,
                EncodingKey::from_secret(&secret),
                VerifyingKey::Secret(secret),
            ),
            SigningKey::Ed25519(key) => (
                Algorithm::EdDSA,
                EncodingKey::from_ed_der(key.pkcs8()),
                VerifyingKey::Ed25519(key.public()),
            ),
        };
        let mut verifiers: Vec<Verifier> = Vec::with_capacity(previous.len() + 1);
        let mut published = Vec::new();
        for key in std::iter::once(&current).chain(previous) {
            // A key listed twice (the current one kept among the previous) counts once.
            let kid = key.kid();
            if verifiers.iter().any(|known| known.kid == kid) {
                continue;
            }
            if let VerifyingKey::Ed25519(public) = key {
                published.push(*public);
            }
            verifiers.push(key.verifier(issuer, audience));
        }
        let kid = current.kid();
        Self {
            kid,
            algorithm,
            encoding,
            verifiers,
            published,
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
        }
    }

    /// The public keys a verifier may fetch (`GET /.well-known/jwks.json`): the Ed25519 keys,
    /// current first. Secrets are never published, so with HS256 alone the list is empty.
    #[must_use]
    pub fn public_keys(&self) -> &[Ed25519Public] {
        &self.published
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
    /// Only if serialising the claims fails or the key is unusable, both bugs: the key was
    /// checked at start-up.
    pub fn sign(&self, claims: &AccessClaims) -> anyhow::Result<String> {
        let mut header = Header::new(self.algorithm);
        header.kid = Some(self.kid.clone());
        Ok(encode(&header, claims, &self.encoding)?)
    }

    /// The id of the signing key.
    #[must_use]
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The algorithm tokens are signed with.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// Verifies signature, algorithm, issuer, audience and expiry. An expired token is told
    /// apart (the client should refresh it); every other failure is [`TokenProblem::Invalid`].
    ///
    /// # Errors
    /// The [`TokenProblem`].
    pub fn verify(&self, token: &str) -> Result<AccessClaims, TokenProblem> {
        self.verify_with(token, |verifier| &verifier.validation)
    }

    /// Verifies a debtor portal token as [`Self::verify`] does a staff token; a staff token is
    /// refused here, as a portal token is there.
    ///
    /// # Errors
    /// The [`TokenProblem`].
    pub fn verify_portal(&self, token: &str) -> Result<AccessClaims, TokenProblem> {
        self.verify_with(token, |verifier| &verifier.portal_validation)
    }

    fn verify_with(
        &self,
        token: &str,
        rules: impl Fn(&Verifier) -> &Validation,
    ) -> Result<AccessClaims, TokenProblem> {
        let kid = decode_header(token).map_err(|_| TokenProblem::Invalid)?.kid;
        let verifier = match kid {
            Some(kid) => self.verifiers.iter().find(|verifier| verifier.kid == kid),
            None => self.verifiers.first(),
        }
        .ok_or(TokenProblem::Invalid)?;
        match decode::<AccessClaims>(token, &verifier.key, rules(verifier)) {
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

    fn ed25519(seed: u8) -> Ed25519Signing {
        Ed25519Signing::from_pem(&crate::auth::ed25519::tests::private_pem([seed; 32])).unwrap()
    }

    fn eddsa(seed: u8, previous: &[VerifyingKey]) -> JwtKeys {
        JwtKeys::with_keys(
            SigningKey::Ed25519(ed25519(seed)),
            previous,
            "solvo",
            "solvo-api",
        )
    }

    #[test]
    fn an_ed25519_key_signs_eddsa_tokens_that_its_public_key_alone_verifies() {
        let keys = eddsa(1, &[]);
        let claims = keys.claims("u", "o", "collector", "s", Utc::now(), 900);
        let token = keys.sign(&claims).unwrap();
        let header = decode_header(&token).unwrap();
        assert_eq!(header.alg, Algorithm::EdDSA);
        assert_eq!(
            header.kid.as_deref(),
            Some(ed25519(1).public().kid().as_str())
        );
        assert_eq!(keys.verify(&token), Ok(claims));
        assert_eq!(keys.public_keys(), &[ed25519(1).public()]);

        // What a verifier outside does with the published key: the 32 bytes, nothing secret.
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_audience(&["solvo-api"]);
        let outside = DecodingKey::from_ed_components(&ed25519(1).public().x()).unwrap();
        assert!(decode::<AccessClaims>(&token, &outside, &validation).is_ok());

        let portal = keys
            .sign(&keys.portal_claims("d", "o", "g", Utc::now(), 900))
            .unwrap();
        assert!(keys.verify_portal(&portal).is_ok());
        assert_eq!(keys.verify(&portal), Err(TokenProblem::Invalid));
    }

    #[test]
    fn an_eddsa_server_refuses_hs256_tokens_unless_their_secret_is_a_previous_key() {
        let hs256 = keys();
        let token = hs256
            .sign(&hs256.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        assert_eq!(eddsa(1, &[]).verify(&token), Err(TokenProblem::Invalid));
        let migrating = eddsa(
            1,
            &[VerifyingKey::Secret(
                b"0123456789abcdef0123456789abcdef".to_vec(),
            )],
        );
        assert!(migrating.verify(&token).is_ok());
        assert!(
            migrating.public_keys().len() == 1,
            "a secret is never published"
        );
    }

    #[test]
    fn an_ed25519_rotation_keeps_the_old_keys_tokens_until_its_public_key_is_dropped() {
        let old = eddsa(1, &[]);
        let issued = old
            .sign(&old.claims("u", "o", "collector", "s", Utc::now(), 900))
            .unwrap();
        let rotated = eddsa(2, &[VerifyingKey::Ed25519(ed25519(1).public())]);
        assert!(rotated.verify(&issued).is_ok());
        assert_eq!(
            rotated.public_keys(),
            &[ed25519(2).public(), ed25519(1).public()]
        );
        assert_eq!(eddsa(2, &[]).verify(&issued), Err(TokenProblem::Invalid));

        let listed_twice = eddsa(2, &[VerifyingKey::Ed25519(ed25519(2).public())]);
        assert_eq!(listed_twice.public_keys(), &[ed25519(2).public()]);
    }

    #[test]
    fn forged_and_confused_signatures_are_refused() {
        let keys = eddsa(1, &[]);
        let claims = keys.claims("u", "o", "agency_admin", "s", Utc::now(), 900);
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(keys.kid().to_owned());

        // Another Ed25519 key claiming the server's key id.
        let forged = encode(
            &header,
            &claims,
            &EncodingKey::from_ed_der(ed25519(9).pkcs8()),
        )
        .unwrap();
        assert_eq!(keys.verify(&forged), Err(TokenProblem::Invalid));

        // The published public key used as an HMAC secret under the same key id.
        header.alg = Algorithm::HS256;
        let public = ed25519(1).public();
        for secret in [public.bytes().to_vec(), public.x().into_bytes()] {
            let confused = encode(&header, &claims, &EncodingKey::from_secret(&secret)).unwrap();
            assert_eq!(keys.verify(&confused), Err(TokenProblem::Invalid));
        }

        // A signature of the right length, not the server's.
        let genuine = keys.sign(&claims).unwrap();
        let (signed, signature) = genuine.rsplit_once('.').unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(signature).unwrap();
        bytes[0] ^= 1;
        let tampered = format!("{signed}.{}", URL_SAFE_NO_PAD.encode(bytes));
        assert_eq!(keys.verify(&tampered), Err(TokenProblem::Invalid));
        assert!(keys.verify(&genuine).is_ok());
    }
}
