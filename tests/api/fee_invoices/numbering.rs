//! Numbering: two invoices at once bill an item once and leave no gap.

use super::{billing, issue, today};
use crate::both_backends;
use crate::helpers::{Backend, body, spawn_app};
use crate::payments::{parties, place};

both_backends!(two_invoices_at_once_bill_an_item_once_and_leave_no_gap,);

async fn two_invoices_at_once_bill_an_item_once_and_leave_no_gap(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Race GmbH").await;
    let creditor = who.member.organisation_id.clone();
    billing(&app, &creditor, Some("DE123456789")).await;
    place(
        &app,
        &who.member.token,
        "FIN-5",
        "DE",
        &[("F-5", "2026-09-01", "800.00")],
    )
    .await;

    let (a, b) = tokio::join!(issue(&app, &creditor), issue(&app, &creditor));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert!(
        statuses == [201, 409] || statuses == [201, 422],
        "one invoice bills the fee, the other finds it billed: {statuses:?}"
    );
    let listed = body(app.get("/v1/fee-invoices", &app.admin_token).await).await;
    let data = listed["data"].as_array().unwrap();
    assert_eq!(data.len(), 1);
    assert_eq!(data[0]["number"], format!("INV-{}-000001", &today()[..4]));
}
