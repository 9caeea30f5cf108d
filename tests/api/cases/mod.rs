//! Case placement and tracking, by scenario: placement, reading (lists, balances, tenancy) and
//! instructions. The helpers here are shared by the three.

mod instructions;
mod placement;
mod reading;

use serde_json::{Value, json};

use crate::helpers::{CaseRequest, DebtorRequest, InvoiceRequest, TestApp};

/// A case against [`DebtorRequest::globex`] speaking German, with one invoice of `amount` due
/// 2026-02-04, as JSON for the tests that then break a field on purpose.
pub(super) fn case_body(reference: &str, invoice: &str, amount: &str) -> Value {
    CaseRequest::new(reference)
        .debtor(DebtorRequest::globex().language("de"))
        .invoice(InvoiceRequest::new(invoice, amount, "2026-02-04"))
        .json()
}

pub(super) async fn creditor_member(app: &TestApp) -> (String, String) {
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    (creditor, member.token)
}

/// Arrange: the case to `amicable` the way a collector moves it there, by recording the
/// assessment (`POST /v1/cases/{id}/assessment`); the agency admin works every case, so no
/// assignment is needed first.
pub(crate) async fn start_amicable(app: &TestApp, case_id: &str) {
    let assessed = app
        .post(
            &format!("/v1/cases/{case_id}/assessment"),
            &app.admin_token,
            &json!({
                "approach": "Amicable first", "expected_timeline": "4 weeks",
                "cost_structure": "Commission", "findings": {"solvency": "good", "reachable": true}
            }),
        )
        .await;
    assert_eq!(
        assessed.status(),
        201,
        "the assessment starts amicable collection"
    );
}
