//! Collector coverage: agency admins set it, agency staff read it, others see nothing.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app};

both_backends!(coverage_is_set_by_agency_admins_and_validated);

async fn coverage_is_set_by_agency_admins_and_validated(backend: Backend) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let collector = app.create_user(&agency, "collector").await;
    let path = format!("/v1/collectors/{}/coverage", collector.id);
    let areas = json!({"areas": [{"country": "de", "language": "DE"}, {"country": "*", "language": "en"}, {"country": "DE", "language": "de"}]});
    let set = app
        .request(Method::PUT, &path, Some(&app.admin_token), Some(&areas))
        .await;
    assert_eq!(set.status(), 200);
    let stored = body(set).await;
    assert_eq!(
        stored["areas"],
        json!([{"country": "*", "language": "en"}, {"country": "DE", "language": "de"}]),
        "normalised and de-duplicated"
    );
    assert_eq!(body(app.get(&path, &collector.token).await).await, stored);

    let bad = json!({"areas": [{"country": "XX", "language": "german"}]});
    let problem = assert_problem(
        app.request(Method::PUT, &path, Some(&app.admin_token), Some(&bad))
            .await,
        422,
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["areas[0].country", "areas[0].language"]);

    let creditor = app.create_creditor("Acme").await;
    let creditor_admin = app.create_user(&creditor, "creditor_admin").await;
    assert_problem(
        app.request(Method::PUT, &path, Some(&collector.token), Some(&areas))
            .await,
        403,
    )
    .await;
    assert_problem(app.get(&path, &creditor_admin.token).await, 404).await;
    let not_a_collector = format!("/v1/collectors/{}/coverage", creditor_admin.id);
    assert_problem(
        app.request(
            Method::PUT,
            &not_a_collector,
            Some(&app.admin_token),
            Some(&areas),
        )
        .await,
        404,
    )
    .await;
}
