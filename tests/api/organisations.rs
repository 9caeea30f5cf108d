//! Organisations: only the agency admin creates creditors; everyone reads their own.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app};

both_backends!(
    the_agency_admin_creates_and_lists_creditors,
    only_the_agency_admin_creates_organisations
);

async fn the_agency_admin_creates_and_lists_creditors(backend: Backend) {
    let app = spawn_app(backend).await;
    let created = app
        .post(
            "/v1/organisations",
            &app.admin_token,
            &json!({"name": " Acme GmbH ", "kind": "creditor", "country": "de"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let created = body(created).await;
    assert_eq!(created["name"], "Acme GmbH");
    assert_eq!(created["country"], "DE");
    assert_eq!(
        location,
        format!("/v1/organisations/{}", created["id"].as_str().unwrap())
    );
    let fetched = body(app.get(&location, &app.admin_token).await).await;
    assert_eq!(fetched, created);

    for name in ["Beta", "Gamma"] {
        app.create_creditor(name).await;
    }
    let first = body(app.get("/v1/organisations?limit=2", &app.admin_token).await).await;
    assert_eq!(first["data"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = body(
        app.get(
            &format!("/v1/organisations?limit=2&cursor={cursor}"),
            &app.admin_token,
        )
        .await,
    )
    .await;
    assert_eq!(
        rest["data"].as_array().unwrap().len(),
        2,
        "agency + three creditors = 4"
    );
    assert!(rest["next_cursor"].is_null());

    let agency = app
        .post(
            "/v1/organisations",
            &app.admin_token,
            &json!({"name": "Second agency", "kind": "agency", "country": "NL"}),
        )
        .await;
    assert_eq!(
        assert_problem(agency, 422).await["errors"][0]["field"],
        "kind"
    );
    let blank = app
        .post(
            "/v1/organisations",
            &app.admin_token,
            &json!({"name": "  ", "kind": "creditor", "country": "NL"}),
        )
        .await;
    assert_eq!(
        assert_problem(blank, 422).await["errors"][0]["field"],
        "name"
    );
}

async fn only_the_agency_admin_creates_organisations(backend: Backend) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let creditor = app.create_creditor("Acme").await;
    let collector = app.create_user(&agency, "collector").await;
    let creditor_admin = app.create_user(&creditor, "creditor_admin").await;
    let request = json!({"name": "X", "kind": "creditor", "country": "NL"});
    for token in [&collector.token, &creditor_admin.token] {
        assert_problem(app.post("/v1/organisations", token, &request).await, 403).await;
    }
    assert_eq!(
        app.get("/v1/organisations", &collector.token)
            .await
            .status(),
        200,
        "agency staff list clients"
    );
    assert_problem(
        app.get("/v1/organisations", &creditor_admin.token).await,
        403,
    )
    .await;
    let own = app
        .get(
            &format!("/v1/organisations/{creditor}"),
            &creditor_admin.token,
        )
        .await;
    assert_eq!(own.status(), 200);
}
