//! `GET /.well-known/jwks.json`: the public keys that verify access tokens signed with `EdDSA`, as
//! a JWK Set (RFC 7517 section 5) of Ed25519 keys (RFC 8037 section 2), at the path `OpenID`
//! Connect discovery and most JWT libraries look for by convention. A service that is handed a
//! Solvo access token can check it without sharing a secret. HS256 secrets are never published:
//! with HS256 alone the set is empty.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::jwt::JwtKeys;
use crate::state::AppState;

/// Seconds a verifier may keep the set. A verifier meeting a `kid` it does not know fetches the
/// set again; a new key should be published as a previous key before it signs (see `SECURITY.md`).
const MAX_AGE_SECONDS: u32 = 300;

/// A public key (RFC 7517 section 4, RFC 8037 section 2).
#[derive(Debug, Serialize, ToSchema)]
pub struct Jwk {
    /// Always `OKP` (octet key pair).
    #[schema(example = "OKP")]
    pub kty: &'static str,
    /// Always `Ed25519`.
    #[schema(example = "Ed25519")]
    pub crv: &'static str,
    /// The public key, base64url without padding.
    #[schema(example = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")]
    pub x: String,
    /// The key id that access tokens name in their header: the key's JWK thumbprint (RFC 7638).
    #[schema(example = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")]
    pub kid: String,
    /// Always `EdDSA`.
    #[schema(example = "EdDSA")]
    pub alg: &'static str,
    /// Always `sig`: the key verifies signatures.
    #[serde(rename = "use")]
    #[schema(example = "sig")]
    pub key_use: &'static str,
}

/// A JWK Set: the key that signs now first, then the previous keys that still verify.
#[derive(Debug, Serialize, ToSchema)]
pub struct JwkSet {
    /// The keys.
    pub keys: Vec<Jwk>,
}

impl JwkSet {
    /// The public keys of `jwt`, each with its thumbprint, computed once at start-up.
    pub(crate) fn of(jwt: &JwtKeys) -> Self {
        let keys = jwt
            .public_keys()
            .iter()
            .map(|key| Jwk {
                kty: "OKP",
                crv: "Ed25519",
                x: key.x(),
                kid: key.kid(),
                alg: "EdDSA",
                key_use: "sig",
            })
            .collect();
        Self { keys }
    }
}

/// The public keys that verify `EdDSA` access tokens.
#[utoipa::path(
    tag = "identity",
    operation_id = "get_jwks",
    responses((status = 200, description = "The Ed25519 keys that verify access tokens; empty when tokens are signed with HS256", body = JwkSet)),
    security(())
)]
#[get("/.well-known/jwks.json")]
pub async fn get_jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((
            header::CACHE_CONTROL,
            format!("public, max-age={MAX_AGE_SECONDS}"),
        ))
        .json(&*state.jwks)
}
