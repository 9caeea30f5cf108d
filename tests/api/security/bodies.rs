//! Bodies that held before and must keep holding: mass assignment (fields a client may not set
//! are refused, not ignored into the record), deeply nested JSON and oversize bodies answered
//! with problems, never a crash.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, assert_problem, body, spawn_app};

both_backends!(mass_assignment_deep_nesting_and_oversize_bodies_are_refused);

async fn mass_assignment_deep_nesting_and_oversize_bodies_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let acme = app.create_creditor("Acme").await;
    let admin = app.create_user(&acme, "creditor_admin").await;

    // A creditor admin tries to make itself an agency admin, or to plant a hash or an id.
    for extra in [
        json!({"role": "agency_admin"}),
        json!({"password_hash": "$argon2id$v=19$m=19456,t=2,p=1$x$y"}),
        json!({"id": "usr_chosen"}),
        json!({"organisation_id": "org_elsewhere", "version": 99}),
    ] {
        let mut request =
            json!({"email": "new@acme.example", "password": PASSWORD, "role": "creditor_member"});
        for (field, value) in extra.as_object().unwrap() {
            request[field] = value.clone();
        }
        let response = app.post("/v1/users", &admin.token, &request).await;
        let status = response.status().as_u16();
        assert!(matches!(status, 403 | 422), "{extra}: {status}");
    }
    let me = body(
        app.get(&format!("/v1/users/{}", admin.id), &admin.token)
            .await,
    )
    .await;
    assert_eq!(me["role"], "creditor_admin");
    let escalate = app
        .patch(
            &format!("/v1/users/{}", admin.id),
            &admin.token,
            &json!({"role": "agency_admin"}),
        )
        .await;
    assert!(matches!(escalate.status().as_u16(), 403 | 409));

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested = app
        .client
        .post(app.url("/v1/users"))
        .bearer_auth(&admin.token)
        .header("content-type", "application/json")
        .body(deep)
        .send()
        .await
        .unwrap();
    assert!(
        matches!(nested.status().as_u16(), 400 | 422),
        "{}",
        nested.status()
    );

    let huge = format!("{{\"email\": \"{}\"}}", "a".repeat(2 * 1024 * 1024));
    let oversize = app
        .client
        .post(app.url("/v1/users"))
        .bearer_auth(&admin.token)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_problem(oversize, 413).await;
    assert_eq!(app.get("/health/live", &admin.token).await.status(), 200);
}
