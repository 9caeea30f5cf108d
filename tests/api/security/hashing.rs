//! Memory exhaustion before authentication: a burst of logins, unknown emails included, may run
//! only as many argon2 computations at once as the budget allows; the rest wait briefly and are
//! answered 503 with `Retry-After`, and the server keeps answering meanwhile.

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{ADMIN_EMAIL, Backend, PASSWORD, assert_problem, spawn_app_with};

both_backends!(a_burst_of_logins_beyond_the_hashing_bound_is_told_to_retry);

async fn a_burst_of_logins_beyond_the_hashing_bound_is_told_to_retry(backend: Backend) {
    // One computation at a time and no waiting: every login that overlaps another is refused.
    let app = spawn_app_with(backend, |config| {
        config.password_hash_memory_mib = 19;
        config.password_hash_wait_ms = 0;
    })
    .await;
    let logins = (0..16).map(|index| {
        let app = &app;
        async move {
            app.request(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(
                    &json!({"email": format!("nobody{index}@agency.example"), "password": "guess"}),
                ),
            )
            .await
        }
    });
    let live = async {
        app.client
            .get(app.url("/health/live"))
            .send()
            .await
            .unwrap()
            .status()
    };
    let (responses, live) = tokio::join!(join_all(logins), live);
    assert_eq!(live, 200, "the server answers during the burst");

    let mut busy = 0;
    let mut refused = 0;
    for response in responses {
        match response.status().as_u16() {
            503 => {
                let retry_after: u64 = response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(retry_after >= 1);
                let problem = assert_problem(response, 503).await;
                assert_eq!(problem["code"], "unavailable");
                busy += 1;
            }
            401 => refused += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(
        busy >= 1,
        "16 overlapping logins on one turn: some are told to retry"
    );
    assert!(
        refused >= 1,
        "the ones that got a turn were checked (unknown emails: 401)"
    );

    let again = app.login(ADMIN_EMAIL, PASSWORD).await;
    assert!(
        again["access_token"].is_string(),
        "after the burst logins work"
    );
}
