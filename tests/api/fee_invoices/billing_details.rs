//! Billing details: validated field by field and scoped to their organisation.

use serde_json::json;

use super::{issue, set_billing};
use crate::both_backends;
use crate::helpers::{Backend, BillingRequest, assert_problem, body, spawn_app};
use crate::payments::{parties, place};

both_backends!(billing_details_are_validated_and_scoped,);

async fn billing_details_are_validated_and_scoped(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Details GmbH").await;
    let creditor = who.member.organisation_id.clone();
    place(
        &app,
        &who.member.token,
        "FIN-4",
        "DE",
        &[("F-4", "2026-09-01", "800.00")],
    )
    .await;
    // Without details nothing can be invoiced, and the error says where to set them.
    let missing = issue(&app, &creditor).await;
    let problem = assert_problem(missing, 422).await;
    assert_eq!(problem["errors"][0]["code"], "billing_details_missing");

    // A creditor's administrator sets its own, without a VAT rate (the agency's alone).
    let with_rate = app
        .put(
            &format!("/v1/organisations/{creditor}/billing"),
            &who.admin.token,
            &BillingRequest::new("Details GmbH", &["Ring 1", "50667 Köln"]).vat_rate("19"),
        )
        .await;
    let problem = assert_problem(with_rate, 422).await;
    assert_eq!(problem["errors"][0]["code"], "not_the_supplier");
    set_billing(
        &app,
        &who.admin.token,
        &creditor,
        &BillingRequest::new("Details GmbH", &["Ring 1", "50667 Köln"]).vat_id("de 123 456 789"),
    )
    .await;
    let read = body(
        app.get(
            &format!("/v1/organisations/{creditor}/billing"),
            &who.member.token,
        )
        .await,
    )
    .await;
    assert_eq!(read["vat_id"], "DE123456789");
    assert_eq!(read["address_lines"], json!(["Ring 1", "50667 Köln"]));
    assert_eq!(read["country"], "DE");

    let bad = app
        .put(
            &format!("/v1/organisations/{}/billing", app.agency_id().await),
            &app.admin_token,
            &json!({"legal_name": " ", "address_lines": [], "vat_id": "X", "vat_rate": "19.123"}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["legal_name", "address_lines", "vat_id", "vat_rate"]
    );

    // Another creditor's details are not there for them; members may not set them.
    let other = app.create_creditor("Other GmbH").await;
    let stranger = app.create_user(&other, "creditor_admin").await;
    assert_problem(
        app.get(
            &format!("/v1/organisations/{creditor}/billing"),
            &stranger.token,
        )
        .await,
        404,
    )
    .await;
    let foreign = app
        .put(
            &format!("/v1/organisations/{creditor}/billing"),
            &stranger.token,
            &BillingRequest::new("Hijack", &["x"]),
        )
        .await;
    assert_problem(foreign, 404).await;
    let member = app
        .put(
            &format!("/v1/organisations/{creditor}/billing"),
            &who.member.token,
            &BillingRequest::new("Details GmbH", &["Ring 1"]),
        )
        .await;
    assert_problem(member, 403).await;

    // The agency has details but no VAT rate yet: the invoice says so.
    set_billing(
        &app,
        &app.admin_token,
        &app.agency_id().await,
        &BillingRequest::new("Test Agency B.V.", &["Keizersgracht 1"]),
    )
    .await;
    let no_rate = issue(&app, &creditor).await;
    let problem = assert_problem(no_rate, 422).await;
    assert_eq!(problem["errors"][0]["code"], "vat_rate_missing");
}
