//! Fee invoices: the agency bills a creditor the fees posted on its cases, the commission its
//! remittances withheld and the commission on payments made to it directly, with the VAT its
//! country and VAT number call for; numbers run without gaps; a credit note cancels an invoice
//! and the next invoice bills the same items again; the PDF opens in a PDF reader.

use chrono::Utc;
use serde_json::{Value, json};

use crate::helpers::{TestApp, body};
use crate::payments::transfer;

mod billing_details;
mod issuing;
mod numbering;

fn today() -> String {
    Utc::now().date_naive().to_string()
}

async fn set_billing(
    app: &TestApp,
    token: &str,
    organisation: &str,
    details: &impl serde::Serialize,
) {
    let response = app
        .put(
            &format!("/v1/organisations/{organisation}/billing"),
            token,
            details,
        )
        .await;
    let status = response.status();
    let stored = body(response).await;
    assert_eq!(status, 200, "{stored}");
}

/// The agency (NL, 21 %) and `creditor` with `vat_id` get billing details.
async fn billing(app: &TestApp, creditor: &str, vat_id: Option<&str>) {
    let agency = app.agency_id().await;
    set_billing(
        app,
        &app.admin_token,
        &agency,
        &json!({"legal_name": "Test Agency B.V.", "address_lines": ["Keizersgracht 1", "1015 CJ Amsterdam"],
                "vat_id": "NL123456789B01", "vat_rate": "21"}),
    )
    .await;
    set_billing(
        app,
        &app.admin_token,
        creditor,
        &json!({"legal_name": "Łódź Trading GmbH", "address_lines": ["Hauptstraße 5", "10115 Berlin"],
                "vat_id": vat_id}),
    )
    .await;
}

async fn issue(app: &TestApp, creditor: &str) -> reqwest::Response {
    app.post(
        "/v1/fee-invoices",
        &app.admin_token,
        &json!({"organisation_id": creditor, "currency": "EUR", "period_end": today()}),
    )
    .await
}

async fn issued(app: &TestApp, creditor: &str) -> Value {
    let response = issue(app, creditor).await;
    let status = response.status();
    let invoice = body(response).await;
    assert_eq!(status, 201, "{invoice}");
    invoice
}

/// `(source, net)` of each line.
fn lines(invoice: &Value) -> Vec<(String, String)> {
    invoice["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["source"].as_str().unwrap().to_owned(),
                line["net"]["amount"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn line(source: &str, net: &str) -> (String, String) {
    (source.to_owned(), net.to_owned())
}

/// `(net, vat, total, withheld, amount_due)`.
fn figures(invoice: &Value) -> [&str; 5] {
    ["net", "vat", "total", "withheld", "amount_due"]
        .map(|field| invoice[field]["amount"].as_str().unwrap())
}

async fn direct(app: &TestApp, token: &str, case: &str, amount: &str) {
    let response = app
        .post(
            &format!("/v1/cases/{case}/direct-payments"),
            token,
            &transfer(amount, "2026-06-01"),
        )
        .await;
    assert_eq!(response.status(), 201);
}

async fn remit(app: &TestApp, creditor: &str) -> Value {
    let response = app
        .post(
            "/v1/remittances",
            &app.admin_token,
            &json!({"organisation_id": creditor, "currency": "EUR", "period_end": today()}),
        )
        .await;
    assert_eq!(response.status(), 201);
    body(response).await
}
