//! The login throttle: an attempt is counted before its password is checked, so concurrency
//! does not buy guesses; it backs off per account and address, per address and per account, and
//! nobody can keep the owner out by failing on purpose from elsewhere.

use futures_util::future::join_all;

use crate::both_backends;
use crate::helpers::{
    Backend, PASSWORD, TestApp, assert_problem, assert_throttled, login_from, spawn_app,
    spawn_app_with,
};

both_backends!(
    concurrent_guesses_are_counted_before_they_are_checked,
    the_owner_logs_in_from_a_clean_address_while_the_account_is_attacked,
    an_address_spraying_many_accounts_is_made_to_wait,
    a_success_clears_the_accounts_failures,
    forwarded_addresses_count_only_through_a_trusted_proxy,
);

async fn member(app: &TestApp) -> String {
    let creditor = app.create_creditor("Acme").await;
    app.create_user(&creditor, "creditor_member").await.email
}

async fn concurrent_guesses_are_counted_before_they_are_checked(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = member(&app).await;
    // The attack that worked: 40 guesses at once, the right one 16th.
    let guesses = (0..40).map(|index| {
        let (app, email) = (&app, &email);
        let password = if index == 15 {
            PASSWORD.to_owned()
        } else {
            format!("guess {index}")
        };
        async move { login_from(app, "127.0.0.2", email, &password).await }
    });
    let responses = join_all(guesses).await;

    let mut checked = 0;
    for response in responses {
        if response.status() == 429 {
            assert_throttled(response).await;
        } else {
            checked += 1;
        }
    }
    // Three free failures, then one after a second and one after two more: however the 40
    // interleave, no more than that are checked (before, all 40 were).
    assert!((1..=5).contains(&checked), "{checked} guesses were checked");
}

async fn the_owner_logs_in_from_a_clean_address_while_the_account_is_attacked(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = member(&app).await;
    // Eleven wrong passwords from eleven addresses: past the account's ten free failures.
    for host in 2..13 {
        let source = format!("127.0.0.{host}");
        assert_problem(login_from(&app, &source, &email, "guess").await, 401).await;
    }
    let attacker = login_from(&app, "127.0.0.2", &email, PASSWORD).await;
    assert_throttled(attacker).await;
    let fresh_attacker = login_from(&app, "127.0.0.20", &email, "guess").await;
    assert_eq!(
        fresh_attacker.status(),
        401,
        "an address with no failures is not held back by the account's (it costs one guess)"
    );

    let owner = login_from(&app, "127.0.0.30", &email, PASSWORD).await;
    assert_eq!(
        owner.status(),
        200,
        "the owner from a clean address logs in"
    );
}

async fn an_address_spraying_many_accounts_is_made_to_wait(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = member(&app).await;
    for index in 0..20 {
        let sprayed = format!("user{index}@victim.example");
        assert_problem(
            login_from(&app, "127.0.0.7", &sprayed, "Winter2026!").await,
            401,
        )
        .await;
    }
    assert_throttled(login_from(&app, "127.0.0.7", &email, "Winter2026!").await).await;

    let owner = login_from(&app, "127.0.0.8", &email, PASSWORD).await;
    assert_eq!(owner.status(), 200, "other addresses are not held back");
}

async fn a_success_clears_the_accounts_failures(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = member(&app).await;
    for _ in 0..2 {
        assert_problem(login_from(&app, "127.0.0.2", &email, "typo").await, 401).await;
    }
    assert_eq!(
        login_from(&app, "127.0.0.2", &email, PASSWORD)
            .await
            .status(),
        200
    );
    // Three free failures again, as if the typos had not happened; the fourth attempt waits.
    for _ in 0..3 {
        assert_problem(login_from(&app, "127.0.0.2", &email, "typo").await, 401).await;
    }
    assert_throttled(login_from(&app, "127.0.0.2", &email, PASSWORD).await).await;
}

async fn forwarded_login(app: &TestApp, forwarded: &str, email: &str) -> reqwest::Response {
    app.client
        .post(app.url("/v1/auth/token"))
        .header("x-forwarded-for", forwarded)
        .json(&serde_json::json!({"email": email, "password": "Winter2026!"}))
        .send()
        .await
        .unwrap()
}

async fn forwarded_addresses_count_only_through_a_trusted_proxy(backend: Backend) {
    // A direct client forging a fresh X-Forwarded-For per guess is still one address.
    let direct = spawn_app(backend).await;
    for index in 0..20 {
        let forged = format!("198.51.100.{index}");
        let response = forwarded_login(&direct, &forged, &format!("u{index}@victim.example")).await;
        assert_problem(response, 401).await;
    }
    assert_throttled(forwarded_login(&direct, "198.51.100.99", "last@victim.example").await).await;

    // Behind a trusted proxy (here the loopback peer) the forwarded client counts.
    let proxied = spawn_app_with(backend, |config| {
        config.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    for index in 0..20 {
        let response =
            forwarded_login(&proxied, "203.0.113.5", &format!("u{index}@victim.example")).await;
        assert_problem(response, 401).await;
    }
    assert_throttled(forwarded_login(&proxied, "203.0.113.5", "last@victim.example").await).await;
    let other_client = forwarded_login(&proxied, "203.0.113.6", "last@victim.example").await;
    assert_problem(other_client, 401).await;
}
