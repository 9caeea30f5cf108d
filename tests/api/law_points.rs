//! The audit's settled law points as the API serves them: the Dutch EUR 40 and BIK scale as one
//! compensation (BW 6:96(4)), Dutch compounding of the interest still owed (BW 6:119(2)), the
//! Irish reference-rate half-year (S.I. No. 580/2012) and the Polish public-healthcare margin.
//! Figures are worked out by hand from the statutes in the comments.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InvoiceRequest, TestApp, body, spawn_app,
};
use crate::payments::{balance, line, lines, parties, pay, transfer};

both_backends!(
    a_dutch_quote_adds_only_the_bik_amount_above_the_forty_euros,
    a_dutch_quote_on_small_invoices_adds_nothing_beyond_their_forty_euros,
    the_dutch_jurisdiction_serves_one_compensation_and_no_open_point,
    an_irish_quote_stops_interest_at_the_end_of_the_due_dates_half_year,
    the_irish_jurisdiction_says_why_later_half_years_are_not_available,
    the_polish_jurisdiction_names_the_debtors_and_contracts_its_ten_points_do_not_cover,
    a_dutch_case_does_not_compound_the_interest_a_payment_covered,
);

async fn member_token(app: &TestApp) -> String {
    let creditor = app.create_creditor("Acme").await;
    app.create_user(&creditor, "creditor_member").await.token
}

async fn dutch_quote(app: &TestApp, invoices: Value) -> Value {
    let token = member_token(app).await;
    let request = json!({
        "debtor_country": "NL",
        "currency": "EUR",
        "invoices": invoices,
        "as_of": "2025-12-31"
    });
    let response = app.post("/v1/quotes", &token, &request).await;
    assert_eq!(response.status(), 201);
    body(response).await
}

fn eur(amount: &str) -> Value {
    json!({"amount": amount, "currency": "EUR"})
}

async fn a_dutch_quote_adds_only_the_bik_amount_above_the_forty_euros(backend: Backend) {
    let app = spawn_app(backend).await;

    let quote = dutch_quote(
        &app,
        json!([{"amount": "2500.00", "due_date": "2025-06-30"}]),
    )
    .await;

    // BW 6:119a, 6:120(2): interest from 2025-07-01 through 2025-12-31, 184 days at the
    // handelsrente of 2025-H2, 10.15 %: 2,500 x 10.15 x 184 / 36 500 = 127.918 -> 127.92.
    assert_eq!(quote["jurisdiction"], "NL");
    assert_eq!(quote["interest"]["total"], eur("127.92"));
    // BW 6:96(4): at least EUR 40, owed from the day after the deadline.
    assert_eq!(quote["compensation"]["total"], eur("40.00"));
    // Besluit BIK art. 2: 15 % of 2,500 = 375.00, the one compensation for extrajudicial costs;
    // the EUR 40 is part of it, so 375.00 - 40.00 = 335.00 is added on top (375.00 in all).
    let costs = &quote["collection_costs"];
    assert_eq!(costs["basis"], "statutory_scale");
    assert_eq!(costs["scale_amount"], eur("375.00"));
    assert_eq!(costs["beyond_compensation"], eur("335.00"));
    assert!(
        costs["summary"]
            .as_str()
            .unwrap()
            .contains("part of this amount, not added to it")
    );
}

async fn a_dutch_quote_on_small_invoices_adds_nothing_beyond_their_forty_euros(backend: Backend) {
    let app = spawn_app(backend).await;

    let quote = dutch_quote(
        &app,
        json!([
            {"amount": "100.00", "due_date": "2025-06-30"},
            {"amount": "100.00", "due_date": "2025-06-30"},
            {"amount": "100.00", "due_date": "2025-06-30"}
        ]),
    )
    .await;

    // Three late payments, EUR 40 each (BW 6:96(4)): 120.00. The scale on the 300.00 claimed:
    // 15 % x 300 = 45.00, which is less than the 120.00 already due, so nothing more.
    assert_eq!(quote["compensation"]["total"], eur("120.00"));
    assert_eq!(quote["collection_costs"]["scale_amount"], eur("45.00"));
    assert_eq!(
        quote["collection_costs"]["beyond_compensation"],
        eur("0.00")
    );
}

async fn the_dutch_jurisdiction_serves_one_compensation_and_no_open_point(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let token = app.create_user(&creditor, "creditor_viewer").await.token;

    let netherlands = body(app.get("/v1/jurisdictions/NL", &token).await).await;

    let rules = &netherlands["rules"];
    assert_eq!(rules["collection_costs"]["availability"], "available");
    assert!(
        rules["collection_costs"]["rules"][0]["summary"]
            .as_str()
            .unwrap()
            .contains("the fixed compensation is part of this amount, not added to it")
    );
    assert!(
        rules["recovery_compensation"]["rules"][0]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("6:96(4)")
    );
    assert_eq!(
        netherlands["collection_costs"]["basis"]["fixed_compensation_credited"],
        true
    );
    // BW 6:119(2): only the interest still owed is compounded, so interest has no open point.
    assert_eq!(rules["interest"]["availability"], "available");
    assert!(
        rules["interest"]["rules"][0]["summary"]
            .as_str()
            .unwrap()
            .contains("each full year's interest still owed is added to the base")
    );
    assert!(
        netherlands["interest"][0]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("verschuldigde rente")
    );
}

async fn an_irish_quote_stops_interest_at_the_end_of_the_due_dates_half_year(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member_token(&app).await;
    let request = json!({
        "debtor_country": "IE",
        "currency": "EUR",
        "invoices": [{"amount": "10000.00", "due_date": "2024-03-15"}],
        "as_of": "2024-12-31"
    });

    let response = app.post("/v1/quotes", &token, &request).await;
    assert_eq!(response.status(), 201);
    let quote = body(response).await;

    // S.I. No. 580/2012: ECB MRO in force on 1 January 2024, 4.50 %, + 8 = 12.50 %, for
    // 2024-03-16 ..= 2024-06-30 (107 days): 10,000 x 12.50 x 107 / 36 500 = 366.438 -> 366.44.
    // Which rate applies from 2024-07-01 is the open point, so the rest is a gap and the quote's
    // interest total is withheld.
    assert_eq!(quote["invoices"][0]["interest"], eur("366.44"));
    assert!(quote["interest"].is_null());
    let gaps = quote["gaps"].as_array().unwrap();
    assert!(gaps.iter().any(|gap| {
        gap["topic"] == "interest"
            && gap["reason"]
                .as_str()
                .unwrap()
                .contains("Which reference rate applies from 2024-07-01 is not established")
    }));
}

async fn the_irish_jurisdiction_says_why_later_half_years_are_not_available(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let token = app.create_user(&creditor, "creditor_viewer").await.token;

    let ireland = body(app.get("/v1/jurisdictions/IE", &token).await).await;

    let interest = &ireland["rules"]["interest"];
    assert_eq!(interest["availability"], "partial");
    assert!(
        interest["rules"][0]["summary"]
            .as_str()
            .unwrap()
            .contains("for the days of that half-year only")
    );
    assert!(interest["gaps"].as_array().unwrap().iter().any(|gap| {
        let gap = gap.as_str().unwrap();
        gap.contains("S.I. No. 580/2012") && gap.contains("30 June or 31 December")
    }));
    assert_eq!(
        ireland["interest"][0]["rate"]["fixing"]["kind"],
        "due_half_year_only"
    );
}

async fn the_polish_jurisdiction_names_the_debtors_and_contracts_its_ten_points_do_not_cover(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let token = app.create_user(&creditor, "creditor_viewer").await.token;

    let poland = body(app.get("/v1/jurisdictions/PL", &token).await).await;

    // Art. 4 pkt 3 lit. b: NBP reference rate + 10 pp, for debtors other than public healthcare
    // providers; lit. a (+ 8 pp) and pre-2020 transactions are the open points beside it.
    assert_eq!(poland["interest"][0]["rate"]["margin_percent"], "10");
    let interest = &poland["rules"]["interest"];
    assert_eq!(interest["availability"], "partial");
    let gaps: Vec<&str> = interest["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|gap| gap.as_str().unwrap())
        .collect();
    assert!(
        gaps.iter()
            .any(|gap| gap.contains("lit. a") && gap.contains("+ 8 pp"))
    );
    assert!(gaps.iter().any(|gap| gap.contains("Dz.U. 2019 poz. 1649")));
}

async fn a_dutch_case_does_not_compound_the_interest_a_payment_covered(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Rente BV").await;
    let request = CaseRequest::new("NL-RENTE-1")
        .debtor(DebtorRequest::company("Debtor NL-RENTE-1", "NL").registration_number("REG-NL-R"))
        .invoice(InvoiceRequest::new("NL-R", "10000.00", "2023-06-30").issued("2023-06-01"));
    let placed = app.post("/v1/cases", &who.member.token, &request).await;
    assert_eq!(placed.status(), 201);
    let case = body(placed).await["id"].as_str().unwrap().to_owned();

    // Paid 640.00 on 2024-01-01. BW 6:44(1): costs first, the EUR 40 of BW 6:96(4); then the
    // interest accrued to 2023-12-31: 10,000 x 12.00 x 184 / 36 500 = 604.93, of which the
    // remaining 600.00 is paid.
    let response = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("640.00", "2024-01-01"),
    )
    .await;
    assert_eq!(response.status(), 201);
    assert_eq!(
        lines(&body(response).await),
        vec![
            line("NL-R", "compensation", "40.00"),
            line("NL-R", "interest", "600.00"),
        ]
    );

    // BW 6:119(2) adds the interest still owed over the year: 604.93 - 600.00 + 623.29 (182 days
    // at 12.50 %) = 628.22 on 2024-07-01, so year two runs on 10,628.22: 184 days at 12.25 % =
    // 656.33 and 181 days at 11.15 % = 587.65. Accrued 604.93 + 623.29 + 656.33 + 587.65 =
    // 2,472.20 (2,542.43 if the paid interest were compounded); owed 2,472.20 - 600.00 = 1,872.20.
    let after = balance(&app, &who.member.token, &case, "2025-06-30").await;
    assert_eq!(after["interest"]["total"]["amount"], "1872.20");
    let bases: Vec<&str> = after["interest"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["base"]["amount"].as_str().unwrap())
        .collect();
    assert_eq!(bases, vec!["10000.00", "10000.00", "10628.22", "10628.22"]);
}
