//! `EdDSA` access tokens (issue 13, point 7): a server given an Ed25519 key signs tokens whose
//! header says `EdDSA` and names the key, publishes the public key at
//! `/.well-known/jwks.json`, and a verifier holding only that key checks them. An `EdDSA` server
//! refuses HS256 tokens unless their secret is configured as a previous key; a rotation keeps
//! the old key's tokens valid while its public key is configured; forged signatures, another
//! key under the server's `kid` and the published key used as an HMAC secret are refused; and a
//! malformed key stops the start with the setting named.
//!
//! The key is RFC 8037's example (appendix A.1), whose public key and thumbprint the RFC gives
//! (appendices A.2 and A.3), so the published key is checked against figures from the RFC.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode_header};
use serde_json::Value;
use solvo_api::ServerConfig;
use solvo_api::config::JwtAlgorithm;

use super::keys::{login_at, me};
use crate::both_backends;
use crate::helpers::{Backend, TEST_JWT_SECRET, TestApp, spawn_app, spawn_app_with};

both_backends!(
    an_ed25519_key_signs_tokens_its_published_key_verifies,
    an_eddsa_server_refuses_hs256_tokens_unless_their_secret_is_previous,
    a_rotated_ed25519_key_keeps_its_tokens_and_forgeries_are_refused,
    a_malformed_key_stops_the_start_naming_the_setting
);

/// RFC 8037 appendix A.1, `d`.
const RFC_8037_SEED: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
/// RFC 8037 appendix A.2, `x`.
const RFC_8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
/// RFC 8037 appendix A.3, the key's thumbprint, which is its `kid` here.
const RFC_8037_KID: &str = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

/// DER of a PKCS#8 v1 Ed25519 private key up to its 32-byte seed (RFC 8410 section 7).
const PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// DER of an Ed25519 `SubjectPublicKeyInfo` up to its 32-byte key (RFC 8410 section 4).
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

fn pem(label: &str, prefix: &[u8], key: &[u8]) -> String {
    let body = STANDARD.encode([prefix, key].concat());
    format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n")
}

/// The RFC's key, or another made from one repeated byte.
fn private_key(seed: Option<u8>) -> String {
    let seed = match seed {
        None => URL_SAFE_NO_PAD.decode(RFC_8037_SEED).unwrap(),
        Some(byte) => vec![byte; 32],
    };
    pem("PRIVATE KEY", &PKCS8_PREFIX, &seed)
}

/// The PEM public key of a published JWK's `x`.
fn public_key(x: &str) -> String {
    pem(
        "PUBLIC KEY",
        &SPKI_PREFIX,
        &URL_SAFE_NO_PAD.decode(x).unwrap(),
    )
}

fn eddsa(config: &mut ServerConfig, key: String) {
    config.jwt_secret = None;
    config.jwt_algorithm = JwtAlgorithm::EdDsa;
    config.jwt_private_key = Some(key.into());
}

async fn jwks(app: &TestApp, node: &str) -> (Value, Option<String>) {
    let response = app
        .client
        .get(format!("{node}/.well-known/jwks.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let cache = response
        .headers()
        .get("cache-control")
        .map(|value| value.to_str().unwrap().to_owned());
    (response.json().await.unwrap(), cache)
}

fn kids(set: &Value) -> Vec<&str> {
    set["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|key| key["kid"].as_str().unwrap())
        .collect()
}

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn sign(claims: &Value, algorithm: Algorithm, kid: Option<&str>, key: &EncodingKey) -> String {
    let mut header = Header::new(algorithm);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

async fn an_ed25519_key_signs_tokens_its_published_key_verifies(backend: Backend) {
    let app = spawn_app_with(backend, |config| eddsa(config, private_key(None))).await;
    let token = app.admin_token.clone();
    let header = decode_header(&token).unwrap();
    assert_eq!(header.alg, Algorithm::EdDSA);
    assert_eq!(header.kid.as_deref(), Some(RFC_8037_KID));
    assert_eq!(me(&app, &app.address, &token).await, 200);

    let (set, cache) = jwks(&app, &app.address).await;
    assert_eq!(
        set,
        serde_json::json!({"keys": [{
            "kty": "OKP", "crv": "Ed25519", "x": RFC_8037_X, "kid": RFC_8037_KID,
            "alg": "EdDSA", "use": "sig",
        }]})
    );
    assert_eq!(cache.as_deref(), Some("public, max-age=300"));

    // A verifier elsewhere, with nothing but the published set.
    let set: JwkSet = serde_json::from_value(set).unwrap();
    let key = DecodingKey::from_jwk(set.find(RFC_8037_KID).unwrap()).unwrap();
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_issuer(&["solvo"]);
    validation.set_audience(&["solvo-api"]);
    let verified = jsonwebtoken::decode::<Value>(&token, &key, &validation).unwrap();
    assert_eq!(verified.claims, claims_of(&token));
    assert_eq!(verified.claims["role"], "agency_admin");

    // The HS256 secret every other test server signs with means nothing here.
    let hs256 = sign(
        &claims_of(&token),
        Algorithm::HS256,
        None,
        &EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes()),
    );
    assert_eq!(me(&app, &app.address, &hs256).await, 401);
}

async fn an_eddsa_server_refuses_hs256_tokens_unless_their_secret_is_previous(backend: Backend) {
    let app = spawn_app(backend).await;
    let hs256_token = app.admin_token.clone();
    let (set, _) = jwks(&app, &app.address).await;
    assert_eq!(
        set,
        serde_json::json!({"keys": []}),
        "no secret is ever published"
    );

    let eddsa_only = app
        .start_node(|config| eddsa(config, private_key(None)))
        .await;
    assert_eq!(me(&app, &eddsa_only, &hs256_token).await, 401);

    let migrating = app
        .start_node(|config| {
            eddsa(config, private_key(None));
            config.jwt_previous_secrets = vec![TEST_JWT_SECRET.to_owned().into()];
        })
        .await;
    assert_eq!(
        me(&app, &migrating, &hs256_token).await,
        200,
        "the previous secret still verifies its tokens"
    );
    let (set, _) = jwks(&app, &migrating).await;
    assert_eq!(
        kids(&set),
        vec![RFC_8037_KID],
        "the secret is not published"
    );

    let eddsa_token = login_at(&app, &migrating).await;
    assert_eq!(
        decode_header(&eddsa_token).unwrap().alg,
        Algorithm::EdDSA,
        "the node signs with its key, not the previous secret"
    );
    assert_eq!(me(&app, &eddsa_only, &eddsa_token).await, 200);
    assert_eq!(
        me(&app, &app.address, &eddsa_token).await,
        401,
        "an HS256 node without the public key refuses it"
    );
}

async fn a_rotated_ed25519_key_keeps_its_tokens_and_forgeries_are_refused(backend: Backend) {
    let app = spawn_app_with(backend, |config| eddsa(config, private_key(None))).await;
    let old_token = app.admin_token.clone();
    let claims = claims_of(&old_token);

    let rotated = app
        .start_node(|config| {
            eddsa(config, private_key(Some(2)));
            config.jwt_previous_public_keys = Some(public_key(RFC_8037_X));
        })
        .await;
    assert_eq!(me(&app, &rotated, &old_token).await, 200);
    let (set, _) = jwks(&app, &rotated).await;
    let published = kids(&set);
    assert_eq!(published.len(), 2);
    assert_eq!(
        published[1], RFC_8037_KID,
        "the new key first, the previous one after"
    );
    let new_token = login_at(&app, &rotated).await;
    assert_eq!(
        decode_header(&new_token).unwrap().kid.as_deref(),
        Some(published[0])
    );

    let dropped = app
        .start_node(|config| eddsa(config, private_key(Some(2))))
        .await;
    assert_eq!(me(&app, &dropped, &old_token).await, 401);
    assert_eq!(me(&app, &dropped, &new_token).await, 200);

    // The control: the server's own key, used faithfully by the test, passes.
    let own = EncodingKey::from_ed_pem(private_key(None).as_bytes()).unwrap();
    let control = sign(&claims, Algorithm::EdDSA, Some(RFC_8037_KID), &own);
    assert_eq!(me(&app, &app.address, &control).await, 200);

    let stranger = EncodingKey::from_ed_pem(private_key(Some(9)).as_bytes()).unwrap();
    let public = URL_SAFE_NO_PAD.decode(RFC_8037_X).unwrap();
    let (signed, signature) = old_token.rsplit_once('.').unwrap();
    let mut flipped = URL_SAFE_NO_PAD.decode(signature).unwrap();
    flipped[10] ^= 0x01;
    let forgeries = [
        (
            "another key under the server's kid",
            sign(&claims, Algorithm::EdDSA, Some(RFC_8037_KID), &stranger),
        ),
        (
            "another key without kid",
            sign(&claims, Algorithm::EdDSA, None, &stranger),
        ),
        (
            "one bit of the signature changed",
            format!("{signed}.{}", URL_SAFE_NO_PAD.encode(&flipped)),
        ),
        (
            "the public key as an HMAC secret",
            sign(
                &claims,
                Algorithm::HS256,
                Some(RFC_8037_KID),
                &EncodingKey::from_secret(&public),
            ),
        ),
        (
            "the published x as an HMAC secret",
            sign(
                &claims,
                Algorithm::HS256,
                Some(RFC_8037_KID),
                &EncodingKey::from_secret(RFC_8037_X.as_bytes()),
            ),
        ),
    ];
    for (forgery, token) in forgeries {
        assert_eq!(me(&app, &app.address, &token).await, 401, "{forgery}");
    }
}

/// A change to a server's settings.
type Adjust<'a> = dyn Fn(&mut ServerConfig) + 'a;

async fn a_malformed_key_stops_the_start_naming_the_setting(backend: Backend) {
    let app = spawn_app(backend).await;
    let build = |adjust: &Adjust<'_>| {
        let mut config = ServerConfig::for_database(&app.database_url);
        adjust(&mut config);
        async move {
            match solvo_api::Application::build(config).await {
                Ok(_) => None,
                Err(err) => Some(format!("{err:#}")),
            }
        }
    };
    let directory = tempfile::tempdir().unwrap();
    let public_file = directory.path().join("public.pem");
    std::fs::write(&public_file, public_key(RFC_8037_X)).unwrap();
    let private_file = directory.path().join("private.pem");
    std::fs::write(&private_file, private_key(None)).unwrap();
    let missing = directory.path().join("missing.pem");

    let truncated = pem("PRIVATE KEY", &PKCS8_PREFIX, &[1; 31]);
    let refused: [(&str, &Adjust<'_>, &str); 7] = [
        (
            "no key",
            &|config| config.jwt_algorithm = JwtAlgorithm::EdDsa,
            "SOLVO_JWT_PRIVATE_KEY",
        ),
        (
            "not PEM",
            &|config| eddsa(config, "not a key".to_owned()),
            "SOLVO_JWT_PRIVATE_KEY:",
        ),
        (
            "cut short",
            &|config| eddsa(config, truncated.clone()),
            "SOLVO_JWT_PRIVATE_KEY:",
        ),
        (
            "a public key as the private one",
            &|config| {
                config.jwt_algorithm = JwtAlgorithm::EdDsa;
                config.jwt_private_key_file = Some(public_file.clone());
            },
            "SOLVO_JWT_PRIVATE_KEY_FILE",
        ),
        (
            "a missing file",
            &|config| {
                config.jwt_algorithm = JwtAlgorithm::EdDsa;
                config.jwt_private_key_file = Some(missing.clone());
            },
            "SOLVO_JWT_PRIVATE_KEY_FILE",
        ),
        (
            "a secret beside the key",
            &|config| {
                eddsa(config, private_key(None));
                config.jwt_secret = Some(TEST_JWT_SECRET.to_owned().into());
            },
            "SOLVO_JWT_SECRET",
        ),
        (
            "a private key as a previous public one",
            &|config| {
                eddsa(config, private_key(None));
                config.jwt_previous_public_keys = Some(private_key(Some(2)));
            },
            "SOLVO_JWT_PREVIOUS_PUBLIC_KEYS",
        ),
    ];
    for (case, adjust, setting) in refused {
        let error = build(adjust)
            .await
            .unwrap_or_else(|| panic!("{case}: the server started"));
        assert!(error.contains(setting), "{case}: {error}");
    }

    let from_file = app
        .start_node(|config| {
            config.jwt_secret = None;
            config.jwt_algorithm = JwtAlgorithm::EdDsa;
            config.jwt_private_key_file = Some(private_file.clone());
        })
        .await;
    let (set, _) = jwks(&app, &from_file).await;
    assert_eq!(kids(&set), vec![RFC_8037_KID], "the key read from its file");
}
