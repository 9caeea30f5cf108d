//! Part payments allocated in the German, Dutch, French and Spanish orders; an overpayment.

use serde_json::json;

use super::{balance, line, lines, parties, pay, place, transfer};
use crate::both_backends;
use crate::helpers::{Backend, body, spawn_app};

both_backends!(
    a_german_part_payment_pays_compensation_then_interest_then_principal,
    a_dutch_payment_is_shared_pro_rata_between_invoices_due_on_one_day,
    a_french_part_payment_needs_the_creditors_order_between_interest_and_costs,
    a_spanish_payment_needs_the_creditors_order_for_costs_and_is_shared_pro_rata,
    an_overpayment_closes_the_case_and_is_held_as_unapplied_credit,
);

async fn a_german_part_payment_pays_compensation_then_interest_then_principal(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Zahlung GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-PAY-1",
        "DE",
        &[("DE-1", "2026-02-04", "1000.00")],
    )
    .await;

    // BGB s.288(2): 1.27 + 9 = 10.27 % for 2026-H1. Interest 2026-02-05 to 2026-05-31, 116 days:
    // 1000.00 x 10.27 % x 116/365 = 32.64. s.288(5): EUR 40. s.367(1): costs, interest, principal:
    // EUR 500 pays 40.00, 32.64 and 427.36.
    let response = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("500.00", "2026-06-01"),
    )
    .await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let paid = body(response).await;

    assert_eq!(
        lines(&paid),
        vec![
            line("DE-1", "compensation", "40.00"),
            line("DE-1", "interest", "32.64"),
            line("DE-1", "principal", "427.36"),
        ]
    );
    assert_eq!(paid["unapplied"]["amount"], "0.00");
    assert_eq!(paid["received_by"], "agency");
    assert_eq!(paid["status"], "received");
    assert_eq!(
        location,
        format!("/v1/payments/{}", paid["id"].as_str().unwrap())
    );

    // Interest runs on the 572.64 left from 2026-06-01: 30 days to 2026-06-30,
    // 572.64 x 10.27 % x 30/365 = 4.83; owed 572.64 + 4.83 = 577.47.
    let after = balance(&app, &who.member.token, &case, "2026-06-30").await;
    assert_eq!(after["principal"]["amount"], "572.64");
    assert_eq!(after["interest"]["total"]["amount"], "4.83");
    assert_eq!(after["compensation"]["amount"], "0.00");
    assert_eq!(after["paid"]["amount"], "500.00");
    assert_eq!(after["outstanding"]["amount"], "577.47");
    assert_eq!(after["invoices"][0]["invoice_number"], "DE-1");
    assert_eq!(after["invoices"][0]["principal"]["amount"], "572.64");
    assert_eq!(after["invoices"][0]["interest"]["amount"], "4.83");

    let listed = body(
        app.get(&format!("/v1/cases/{case}/payments"), &who.member.token)
            .await,
    )
    .await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    assert_eq!(lines(&listed["data"][0]), lines(&paid));
    let one = body(app.get(&location, &who.member.token).await).await;
    assert_eq!(
        one["amount"],
        json!({"amount": "500.00", "currency": "EUR"})
    );
    let timeline = body(
        app.get(&format!("/v1/cases/{case}/timeline"), &who.member.token)
            .await,
    )
    .await;
    let last = timeline["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "record_payment");
    assert_eq!(last["detail"]["payment_id"], paid["id"]);
}

async fn a_dutch_payment_is_shared_pro_rata_between_invoices_due_on_one_day(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Betaling BV").await;
    let case = place(
        &app,
        &who.member.token,
        "NL-PAY-1",
        "NL",
        &[
            ("NL-A", "2026-03-31", "300.00"),
            ("NL-B", "2026-03-31", "100.00"),
        ],
    )
    .await;

    // Paid the day after the due date, so no interest has run yet. Each invoice owes EUR 40
    // (BW 6:96) and its principal: 340.00 and 140.00. BW 6:43(2): equally old debts share pro
    // rata, 200 x 340/480 = 141.666... and 200 x 140/480 = 58.333...; the odd cent goes to the
    // larger remainder: 141.67 and 58.33. BW 6:44(1) within each: costs first.
    let response = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("200.00", "2026-04-01"),
    )
    .await;
    assert_eq!(response.status(), 201);
    let paid = body(response).await;

    assert_eq!(
        lines(&paid),
        vec![
            line("NL-A", "compensation", "40.00"),
            line("NL-A", "principal", "101.67"),
            line("NL-B", "compensation", "40.00"),
            line("NL-B", "principal", "18.33"),
        ]
    );
}

async fn a_french_part_payment_needs_the_creditors_order_between_interest_and_costs(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Paiement SARL").await;
    let case = place(
        &app,
        &who.member.token,
        "FR-PAY-1",
        "FR",
        &[("FR-1", "2026-02-04", "1000.00")],
    )
    .await;

    // Code de commerce L441-10: ECB rate on 1 January 2026 (2.15 %) + 10 = 12.15 %;
    // 116 days to 2026-05-31: 1000.00 x 12.15 % x 116/365 = 38.61. Code civil 1343-1 puts
    // interest, and Cass. 1re civ. 7 February 1995 the EUR 40 recovery indemnity, before capital,
    // without ranking them: EUR 50 cannot cover both (78.61), so the creditor's order decides.
    let unordered = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("50.00", "2026-06-01"),
    )
    .await;
    let problem = crate::helpers::assert_problem(unordered, 422).await;
    assert_eq!(problem["errors"][0]["code"], "allocation_order_required");
    let mut ordered = transfer("50.00", "2026-06-01");
    ordered["allocation_order"] = json!(["interest", "costs", "principal"]);
    let response = pay(&app, &who.collector.token, &case, &ordered).await;
    assert_eq!(response.status(), 201);
    let paid = body(response).await;

    assert_eq!(
        lines(&paid),
        vec![
            line("FR-1", "interest", "38.61"),
            line("FR-1", "compensation", "11.39"),
        ]
    );
}

async fn a_spanish_payment_needs_the_creditors_order_for_costs_and_is_shared_pro_rata(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Pagos SL").await;
    let case = place(
        &app,
        &who.member.token,
        "ES-PAY-1",
        "ES",
        &[
            ("ES-A", "2026-03-01", "600.00"),
            ("ES-B", "2026-03-31", "400.00"),
        ],
    )
    .await;

    // CC 1173 puts interest before capital but ranks no costs: a part payment that must choose
    // between the EUR 40 (Ley 3/2004 art. 8) and the rest needs the creditor's order.
    let unordered = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("500.00", "2026-04-01"),
    )
    .await;
    let problem = crate::helpers::assert_problem(unordered, 422).await;
    assert_eq!(problem["errors"][0]["field"], "allocation_order");
    assert_eq!(problem["errors"][0]["code"], "allocation_order_required");
    let mut against_the_law = transfer("500.00", "2026-04-01");
    against_the_law["allocation_order"] = json!(["principal", "interest", "costs"]);
    let refused = pay(&app, &who.collector.token, &case, &against_the_law).await;
    let problem = crate::helpers::assert_problem(refused, 422).await;
    assert_eq!(problem["errors"][0]["code"], "contradicts_the_law");

    // Ley 3/2004 art. 7: ECB 2.15 % + 8 = 10.15 %. ES-A: 30 days to 2026-03-31,
    // 600.00 x 10.15 % x 30/365 = 5.01; ES-B none yet. Owed 645.01 and 440.00. CC 1174: equally
    // onerous debts share pro rata, whatever their dates: 500 x 645.01/1085.01 = 297.2369 and
    // 500 x 440/1085.01 = 202.7631, so 297.24 and 202.76.
    let mut ordered = transfer("500.00", "2026-04-01");
    ordered["allocation_order"] = json!(["interest", "costs", "principal"]);
    let response = pay(&app, &who.collector.token, &case, &ordered).await;
    assert_eq!(response.status(), 201);
    let paid = body(response).await;

    assert_eq!(
        lines(&paid),
        vec![
            line("ES-A", "interest", "5.01"),
            line("ES-A", "compensation", "40.00"),
            line("ES-A", "principal", "252.23"),
            line("ES-B", "compensation", "40.00"),
            line("ES-B", "principal", "162.76"),
        ]
    );
}

async fn an_overpayment_closes_the_case_and_is_held_as_unapplied_credit(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Overpaid GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-PAY-2",
        "DE",
        &[("DE-2", "2026-02-04", "1000.00")],
    )
    .await;

    // Owed on 2026-06-01: 40.00 + 32.64 + 1000.00 = 1072.64; EUR 2,000 leaves 927.36.
    let response = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("2000.00", "2026-06-01"),
    )
    .await;
    assert_eq!(response.status(), 201);
    let paid = body(response).await;

    assert_eq!(paid["unapplied"]["amount"], "927.36");
    assert_eq!(
        (paid["case_state"].as_str(), paid["case_outcome"].as_str()),
        (Some("closed"), Some("paid_in_full"))
    );
    let after = balance(&app, &who.member.token, &case, "2026-06-30").await;
    assert_eq!(after["outstanding"]["amount"], "0.00");
    assert_eq!(after["interest"]["total"]["amount"], "0.00");
    assert_eq!(after["unapplied"]["amount"], "927.36");
    assert_eq!(after["paid"]["amount"], "2000.00");
}
