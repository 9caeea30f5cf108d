//! What the benches that drive a real server share: the one password of their accounts and a
//! login.

use serde_json::{Value, json};

/// The password of every account a bench creates.
pub const PASSWORD: &str = "bench password 2026";

/// Logs `email` in and returns its access token.
///
/// # Panics
/// When the server refuses: a bench should stop loudly.
#[expect(
    clippy::unwrap_used,
    reason = "a bench helper: a failure should stop it loudly"
)]
pub async fn login(client: &reqwest::Client, base: &str, email: &str) -> String {
    let tokens: Value = client
        .post(format!("{base}/v1/auth/token"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    tokens["access_token"].as_str().unwrap().to_owned()
}
