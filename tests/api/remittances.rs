//! Remittances: what the agency pays a creditor adds up to the cent with the payments'
//! allocations; a payment is remitted once; a remitted payment reversed later comes back as a
//! negative line; statements as JSON and CSV, scoped to the creditor.

use chrono::Utc;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};
use crate::payments::{parties, pay, place, transfer};

both_backends!(
    statements_add_up_with_the_ledger_and_a_reversal_claws_back,
    two_runs_at_once_remit_a_payment_once,
);

async fn run(app: &TestApp, organisation: &str, period_end: &str) -> reqwest::Response {
    app.post(
        "/v1/remittances",
        &app.admin_token,
        &json!({"organisation_id": organisation, "currency": "EUR", "period_end": period_end}),
    )
    .await
}

async fn statement(app: &TestApp, organisation: &str, period_end: &str) -> Value {
    let response = run(app, organisation, period_end).await;
    let status = response.status();
    let statement = body(response).await;
    assert_eq!(status, 201, "{statement}");
    statement
}

/// `(collected, costs, unapplied, commission, net)` of a statement.
fn totals(statement: &Value) -> [&str; 5] {
    ["collected", "costs", "unapplied", "commission", "net"]
        .map(|field| statement[field]["amount"].as_str().unwrap())
}

async fn statements_add_up_with_the_ledger_and_a_reversal_claws_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Remit GmbH").await;
    let creditor = who.member.organisation_id.clone();
    let case = place(
        &app,
        &who.member.token,
        "REM-1",
        "DE",
        &[("R-1", "2025-11-03", "1000.00")],
    )
    .await;

    // BGB s.288(2): 1.27 + 9 = 10.27 % in 2025-H2 and 2026-H1; 2025-11-04 to 2026-05-31 is 209
    // days: 1000.00 x 10.27 % x 209/365 = 58.81. s.288(5): EUR 40. s.367(1): EUR 500 pays
    // 40.00, 58.81 and 401.19. The creditor's part is 460.00. The invoice was more than 365
    // days overdue at placement, so the house schedule's 15 % gains 5 points: 20 % of 460.00 =
    // 92.00 (above the 50.00 minimum). Net 460.00 - 92.00 = 368.00.
    let first = body(
        pay(
            &app,
            &who.collector.token,
            &case,
            &transfer("500.00", "2026-06-01"),
        )
        .await,
    )
    .await;
    let r1 = statement(&app, &creditor, "2026-06-30").await;
    assert_eq!(totals(&r1), ["500.00", "40.00", "0.00", "92.00", "368.00"]);
    let line = &r1["lines"][0];
    assert_eq!(line["kind"], "payment");
    assert_eq!(line["payment_id"], first["id"]);
    assert_eq!(line["principal"]["amount"], "401.19");
    assert_eq!(line["interest"]["amount"], "58.81");
    assert_eq!(line["creditor_reference"], "REM-1");

    // 700.00 the same day pays the 598.81 principal left and holds 101.19. The case has now
    // recovered 460.00 + 598.81 = 1,058.81; 20 % is 211.76 (211.762 rounded), of which 92.00
    // was charged: 119.76. Net 598.81 - 119.76 = 479.05.
    pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("700.00", "2026-06-01"),
    )
    .await;
    let r2 = statement(&app, &creditor, "2026-06-30").await;
    assert_eq!(
        totals(&r2),
        ["700.00", "0.00", "101.19", "119.76", "479.05"]
    );

    let nothing = run(&app, &creditor, "2026-06-30").await;
    let problem = assert_problem(nothing, 422).await;
    assert_eq!(
        problem["errors"][0]["code"], "nothing_to_remit",
        "a payment is remitted once"
    );

    // The first payment bounces. The next statement negates its line; the commission on what
    // stands (598.81 x 20 % = 119.76) is exactly what is left charged, so nothing is adjusted.
    let reversed = app
        .post(
            &format!("/v1/payments/{}/reversal", first["id"].as_str().unwrap()),
            &app.admin_token,
            &json!({"reason": "Returned by the bank: AC04"}),
        )
        .await;
    assert_eq!(reversed.status(), 200);
    let today = Utc::now().date_naive().to_string();
    let r3 = statement(&app, &creditor, &today).await;
    assert_eq!(
        totals(&r3),
        ["-500.00", "-40.00", "0.00", "-92.00", "-368.00"]
    );
    assert_eq!(r3["lines"][0]["kind"], "reversal");
    assert_eq!(r3["lines"][0]["payment_id"], first["id"]);

    // Over the three statements: 700.00 collected, the standing payment, and
    // 700.00 = net 479.05 + commission 119.76 + unapplied 101.19.
    let cents = |amount: &str| amount.replace('.', "").parse::<i64>().unwrap();
    let sum = |field: usize| -> i64 {
        [&r1, &r2, &r3]
            .iter()
            .map(|s| cents(totals(s)[field]))
            .sum()
    };
    assert_eq!(
        [sum(0), sum(1), sum(2), sum(3), sum(4)],
        [70000, 0, 10119, 11976, 47905]
    );

    // The creditor reads its statements, as JSON and CSV; nobody else's.
    let id = r1["id"].as_str().unwrap();
    let seen = app
        .get(&format!("/v1/remittances/{id}"), &who.admin.token)
        .await;
    assert_eq!(body(seen).await["net"]["amount"], "368.00");
    let csv = app
        .get(
            &format!("/v1/remittances/{id}?format=csv"),
            &who.member.token,
        )
        .await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3, "{text}");
    // Its own download operation serves the same file as an attachment.
    let download = app
        .get(&format!("/v1/remittances/{id}/csv"), &who.member.token)
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(
        download.headers()["content-disposition"],
        format!("attachment; filename=\"{id}.csv\"").as_str()
    );
    assert_eq!(download.text().await.unwrap(), text);
    assert!(rows[0].starts_with("kind,payment_id,case_id,case_number"));
    assert!(
        rows[1].starts_with("payment,")
            && rows[1].ends_with(",500.00,401.19,58.81,40.00,0.00,92.00,368.00"),
        "{text}"
    );
    assert!(
        rows[2].starts_with("total,")
            && rows[2].ends_with(",500.00,401.19,58.81,40.00,0.00,92.00,368.00"),
        "{text}"
    );
    let listed = body(app.get("/v1/remittances", &who.member.token).await).await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 3);
    let other = app.create_creditor("Other GmbH").await;
    let stranger = app.create_user(&other, "creditor_admin").await;
    assert_problem(
        app.get(&format!("/v1/remittances/{id}"), &stranger.token)
            .await,
        404,
    )
    .await;
    assert_problem(
        app.get(&format!("/v1/remittances/{id}/csv"), &stranger.token)
            .await,
        404,
    )
    .await;
    assert!(
        body(app.get("/v1/remittances", &stranger.token).await).await["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let by_creditor = app
        .post(
            "/v1/remittances",
            &who.admin.token,
            &json!({"organisation_id": creditor, "currency": "EUR", "period_end": today}),
        )
        .await;
    assert_problem(by_creditor, 403).await;
    assert_problem(
        app.get(&format!("/v1/remittances/{id}"), &who.collector.token)
            .await,
        403,
    )
    .await;
    let bad = app
        .post(
            "/v1/remittances",
            &app.admin_token,
            &json!({"organisation_id": app.agency_id().await, "currency": "EURO", "period_end": "2999-01-01"}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let codes: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"invalid_currency") && codes.contains(&"in_future"),
        "{problem}"
    );
}

async fn two_runs_at_once_remit_a_payment_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Race GmbH").await;
    let creditor = who.member.organisation_id.clone();
    let case = place(
        &app,
        &who.member.token,
        "RACE-1",
        "DE",
        &[("RC-1", "2025-11-03", "1000.00")],
    )
    .await;
    pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("500.00", "2026-06-01"),
    )
    .await;

    let (a, b) = tokio::join!(
        run(&app, &creditor, "2026-06-30"),
        run(&app, &creditor, "2026-06-30")
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert!(
        statuses == [201, 409] || statuses == [201, 422],
        "one run remits the payment, the other finds it taken: {statuses:?}"
    );
    let listed = body(app.get("/v1/remittances", &app.admin_token).await).await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
}
