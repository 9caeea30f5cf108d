//! Payments: allocation by the jurisdiction's order with figures worked out by hand from the
//! statutes, overpayment, reversal, permissions and tenancy, validation, and two payments at
//! once on one case.

mod allocation;
mod concurrency;
mod refunds;
mod refusals;
mod reversal;

use serde_json::Value;

use crate::helpers::{
    CaseRequest, DebtorRequest, InvoiceRequest, PaymentRequest, TestApp, TestUser, body,
};

/// A creditor with a member who places cases, and the agency's collector, who covers every
/// country and so works every case placed.
pub struct Parties {
    pub member: TestUser,
    pub admin: TestUser,
    pub collector: TestUser,
}

pub async fn parties(app: &TestApp, name: &str) -> Parties {
    let creditor = app.create_creditor(name).await;
    Parties {
        member: app.create_user(&creditor, "creditor_member").await,
        admin: app.create_user(&creditor, "creditor_admin").await,
        collector: app.create_covering_collector().await,
    }
}

/// Places a case in `country` with `invoices` as `(number, due_date, amount)`; returns its id.
pub async fn place(
    app: &TestApp,
    token: &str,
    reference: &str,
    country: &str,
    invoices: &[(&str, &str, &str)],
) -> String {
    let case = invoices.iter().fold(
        CaseRequest::new(reference).debtor(
            DebtorRequest::company(format!("Debtor {reference}"), country)
                .registration_number(format!("REG-{reference}")),
        ),
        |case, (number, due, amount)| {
            case.invoice(InvoiceRequest::new(*number, *amount, due).issued("2025-10-01"))
        },
    );
    let response = app.post("/v1/cases", token, &case).await;
    let status = response.status();
    let placed = body(response).await;
    assert_eq!(status, 201, "placing {reference}: {placed}");
    placed["id"].as_str().unwrap().to_owned()
}

/// Posts a payment body to the case as `token`; returns the response.
pub async fn pay(app: &TestApp, token: &str, case: &str, payment: &Value) -> reqwest::Response {
    app.post(&format!("/v1/cases/{case}/payments"), token, payment)
        .await
}

/// A bank transfer of `amount` with `value_date`.
pub fn transfer(amount: &str, value_date: &str) -> Value {
    PaymentRequest::transfer(amount, value_date).json()
}

/// The allocation of a payment as `(invoice_number, account, amount)`.
pub fn lines(payment: &Value) -> Vec<(String, String, String)> {
    payment["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["invoice_number"].as_str().unwrap().to_owned(),
                line["account"].as_str().unwrap().to_owned(),
                line["amount"]["amount"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

pub fn line(invoice: &str, account: &str, amount: &str) -> (String, String, String) {
    (invoice.to_owned(), account.to_owned(), amount.to_owned())
}

/// The case's balance on `as_of`.
pub async fn balance(app: &TestApp, token: &str, case: &str, as_of: &str) -> Value {
    let response = app
        .get(&format!("/v1/cases/{case}/balance?as_of={as_of}"), token)
        .await;
    assert_eq!(response.status(), 200);
    body(response).await
}
