//! Users and the role rules: who may create, list, read and change whom.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, PASSWORD, UserRequest, assert_problem, body, spawn_app};

both_backends!(
    a_creditor_admin_manages_its_own_users_with_creditor_roles_only,
    members_viewers_and_collectors_cannot_manage_users,
    emails_are_unique_regardless_of_case,
    updates_honour_if_match_and_protect_the_caller,
    role_changes_take_effect_on_the_next_request,
    a_user_has_the_name_given_trimmed_and_never_blank,
);

async fn a_creditor_admin_manages_its_own_users_with_creditor_roles_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let other = app.create_creditor("Other").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;

    let member = app
        .post(
            "/v1/users",
            &admin.token,
            &UserRequest::new("Member@Acme.example", "creditor_member"),
        )
        .await;
    assert_eq!(member.status(), 201);
    let member = body(member).await;
    assert_eq!(
        member["organisation_id"],
        creditor.as_str(),
        "defaults to the caller's organisation"
    );
    assert_eq!(member["email"], "member@acme.example");
    assert!(member.get("password_hash").is_none());

    let agency_role = app
        .post(
            "/v1/users",
            &admin.token,
            &UserRequest::new("c@acme.example", "collector"),
        )
        .await;
    assert_problem(agency_role, 403).await;
    let elsewhere = app
        .post(
            "/v1/users",
            &admin.token,
            &UserRequest::new("x@other.example", "creditor_member").organisation(&other),
        )
        .await;
    assert_problem(elsewhere, 422).await;

    let listed = body(app.get("/v1/users", &admin.token).await).await;
    let organisations: Vec<_> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["organisation_id"].clone())
        .collect();
    assert_eq!(organisations.len(), 2);
    assert!(organisations.iter().all(|org| org == creditor.as_str()));
    let filtered_elsewhere = body(
        app.get(&format!("/v1/users?organisation_id={other}"), &admin.token)
            .await,
    )
    .await;
    assert!(
        filtered_elsewhere["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["organisation_id"] == creditor.as_str())
    );

    let all = body(app.get("/v1/users", &app.admin_token).await).await;
    assert_eq!(
        all["data"].as_array().unwrap().len(),
        3,
        "agency admin sees every user"
    );
}

async fn members_viewers_and_collectors_cannot_manage_users(backend: Backend) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let creditor = app.create_creditor("Acme").await;
    let new_user = UserRequest::new("n@acme.example", "creditor_viewer");
    for (organisation, role) in [
        (&creditor, "creditor_member"),
        (&creditor, "creditor_viewer"),
        (&agency, "collector"),
    ] {
        let user = app.create_user(organisation, role).await;
        assert_problem(app.post("/v1/users", &user.token, &new_user).await, 403).await;
        assert_problem(app.get("/v1/users", &user.token).await, 403).await;
        let own = app
            .get(&format!("/v1/users/{}", user.id), &user.token)
            .await;
        assert_eq!(own.status(), 200, "{role} reads itself");
        assert_problem(
            app.patch(
                &format!("/v1/users/{}", user.id),
                &user.token,
                &json!({"disabled": true}),
            )
            .await,
            403,
        )
        .await;
    }
}

async fn emails_are_unique_regardless_of_case(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let user = app.create_user(&creditor, "creditor_member").await;
    let duplicate = app
        .post(
            "/v1/users",
            &app.admin_token,
            &UserRequest::new(user.email.to_uppercase(), "creditor_member").organisation(creditor),
        )
        .await;
    assert_problem(duplicate, 409).await;
}

async fn updates_honour_if_match_and_protect_the_caller(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let path = format!("/v1/users/{}", member.id);

    let read = app.get(&path, &admin.token).await;
    let etag = read.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, "\"1\"");
    let first = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin.token)
        .header("if-match", &etag)
        .json(&json!({"role": "creditor_viewer"}))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(body(first).await["version"], 2);
    let stale = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin.token)
        .header("if-match", &etag)
        .json(&json!({"disabled": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(assert_problem(stale, 412).await["code"], "stale_version");

    let itself = app
        .patch(
            &format!("/v1/users/{}", admin.id),
            &admin.token,
            &json!({"disabled": true}),
        )
        .await;
    assert_problem(itself, 409).await;
    let promote_to_agency = app
        .patch(&path, &admin.token, &json!({"role": "agency_admin"}))
        .await;
    assert_problem(promote_to_agency, 403).await;
}

async fn role_changes_take_effect_on_the_next_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let user = app.create_user(&creditor, "creditor_admin").await;
    assert_eq!(app.get("/v1/users", &user.token).await.status(), 200);
    let demoted = app
        .patch(
            &format!("/v1/users/{}", user.id),
            &app.admin_token,
            &json!({"role": "creditor_viewer"}),
        )
        .await;
    assert_eq!(demoted.status(), 200);
    assert_problem(app.get("/v1/users", &user.token).await, 403).await;
    assert_eq!(
        body(app.get("/v1/me", &user.token).await).await["role"],
        "creditor_viewer"
    );
}

async fn a_user_has_the_name_given_trimmed_and_never_blank(backend: Backend) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let create = |email: &str, name: &str| json!({"email": email, "password": PASSWORD, "role": "collector", "organisation_id": agency, "name": name});
    let created = app
        .post(
            "/v1/users",
            &app.admin_token,
            &create("kv@agency.example", "  Katrin Vogel "),
        )
        .await;
    assert_eq!(created.status(), 201);
    let created = body(created).await;
    assert_eq!(created["name"], "Katrin Vogel");
    for (email, name) in [
        ("b@agency.example", "   "),
        ("l@agency.example", &"x".repeat(101)),
    ] {
        let refused = app
            .post("/v1/users", &app.admin_token, &create(email, name))
            .await;
        let problem = assert_problem(refused, 422).await;
        assert_eq!(problem["errors"][0]["field"], "name", "{problem}");
    }
    let unnamed = app
        .post(
            "/v1/users",
            &app.admin_token,
            &UserRequest::new("u@agency.example", "collector").organisation(agency),
        )
        .await;
    assert_eq!(body(unnamed).await["name"], serde_json::Value::Null);

    let path = format!("/v1/users/{}", created["id"].as_str().unwrap());
    let renamed = app
        .patch(
            &path,
            &app.admin_token,
            &json!({"name": "Katrin Vogel-Braun"}),
        )
        .await;
    assert_eq!(renamed.status(), 200);
    assert_eq!(body(renamed).await["name"], "Katrin Vogel-Braun");
    let blank = app
        .patch(&path, &app.admin_token, &json!({"name": ""}))
        .await;
    assert_problem(blank, 422).await;
    assert_eq!(
        body(app.get(&path, &app.admin_token).await).await["name"],
        "Katrin Vogel-Braun"
    );
}
