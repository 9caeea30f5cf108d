//! Case placement and tracking, by scenario: placement, reading (lists, balances, tenancy) and
//! instructions. The helpers here are shared by the three.

mod instructions;
mod placement;
mod reading;

use serde_json::{Value, json};

use crate::helpers::TestApp;

pub(super) fn case_body(reference: &str, invoice: &str, amount: Value) -> Value {
    json!({
        "debtor": {"legal_name": "Globex GmbH", "vat_id": "DE123456789", "country": "DE", "preferred_language": "de"},
        "currency": "EUR",
        "creditor_reference": reference,
        "invoices": [{"number": invoice, "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": amount}]
    })
}

pub(super) async fn creditor_member(app: &TestApp) -> (String, String) {
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    (creditor, member.token)
}

/// Arrange: the collector's `start_amicable` has no endpoint yet, so it is applied through the
/// same use case the endpoints use.
pub(crate) async fn start_amicable(app: &TestApp, case_id: &str) {
    let (url, id) = (app.database_url.clone(), case_id.to_owned());
    tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        let case = solvo_persistence::repositories::cases::find(&mut conn, None, &id).unwrap();
        let facts = solvo_domain::case::Facts::owing(solvo_domain::money::Money::zero(
            solvo_domain::money::Currency::EUR,
        ));
        solvo_app::cases::transition::apply_command(
            &mut conn,
            &case,
            &solvo_domain::case::Command::StartAmicable,
            &facts,
            &solvo_app::cases::events::ActorRef::system(),
            solvo_app::cases::transition::Extras::default(),
            chrono::Utc::now().naive_utc(),
        )
        .unwrap();
    })
    .await
    .unwrap();
}
