//! Quotes: fees and statutory figures ahead of placement, stored and read back, tenant-scoped,
//! idempotent, strict about money.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, InvoiceRequest, TestApp, TestUser, assert_problem, body, spawn_app,
};

both_backends!(
    quotes_need_credentials_and_a_creditor_role,
    a_german_quote_has_hand_computed_interest_and_forty_euros_compensation,
    a_quote_reads_back_unchanged_and_is_hidden_from_other_tenants,
    a_repeated_idempotency_key_replays_the_first_quote,
    bad_money_is_a_422_naming_the_field,
    a_us_debtor_needs_a_jurisdiction_and_absent_rules_are_gaps,
    gb_defaults_to_england_and_wales_and_abroad_is_international,
    a_valid_quote_hands_its_fee_terms_to_placement,
);

/// A creditor (established in DE, see the harness) and one of its members.
async fn creditor_member(app: &TestApp) -> TestUser {
    let creditor = app.create_creditor("Acme GmbH").await;
    app.create_user(&creditor, "creditor_member").await
}

/// The worked German example: EUR 10,000.00 due 2025-01-01, quoted as of 2025-12-31.
fn german_request() -> Value {
    json!({
        "debtor_country": "DE",
        "currency": "EUR",
        "invoices": [{"amount": "10000.00", "due_date": "2025-01-01"}],
        "as_of": "2025-12-31"
    })
}

async fn quotes_need_credentials_and_a_creditor_role(backend: Backend) {
    let app = spawn_app(backend).await;
    let anonymous = app
        .request(Method::POST, "/v1/quotes", None, Some(&german_request()))
        .await;
    assert_problem(anonymous, 401).await;
    assert_problem(
        app.request(Method::GET, "/v1/quotes/quo_x", None, None)
            .await,
        401,
    )
    .await;

    let creditor = app.create_creditor("Acme").await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_problem(
        app.post("/v1/quotes", &viewer.token, &german_request())
            .await,
        403,
    )
    .await;
    assert_problem(
        app.post("/v1/quotes", &app.admin_token, &german_request())
            .await,
        403,
    )
    .await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    assert_eq!(
        app.post("/v1/quotes", &admin.token, &german_request())
            .await
            .status(),
        201
    );
}

async fn a_german_quote_has_hand_computed_interest_and_forty_euros_compensation(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;

    let response = app
        .post("/v1/quotes", &member.token, &german_request())
        .await;

    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let quote = body(response).await;
    assert!(quote["id"].as_str().unwrap().starts_with("quo_"));
    assert_eq!(
        location,
        format!("/v1/quotes/{}", quote["id"].as_str().unwrap())
    );
    assert_eq!(quote["jurisdiction"], "DE");
    assert_eq!(
        quote["route"], "domestic",
        "the harness's creditors are established in DE"
    );
    assert_eq!(
        quote["principal_total"],
        json!({"amount": "10000.00", "currency": "EUR"})
    );

    // Interest by hand. BGB s.288(2): Basiszinssatz + 9 points, the Basiszinssatz re-fixed on
    // 1 January and 1 July; actual/365 (the day count the domain documents); interest runs from the
    // day after the due date up to and including as_of, so 2025-01-02 ..= 2025-12-31 (364 days).
    // Lines are half-open like the domain's: `to` is the first day not counted.
    //   H1 2025-01-02 ..= 2025-06-30: 180 days at 2.27 + 9 = 11.27 %
    //      10,000.00 x 11.27 / 100 x 180 / 365 = 202,860 / 365 = 555.7808… -> 555.78
    //   H2 2025-07-01 ..= 2025-12-31: 184 days at 1.27 + 9 = 10.27 %
    //      10,000.00 x 10.27 / 100 x 184 / 365 = 188,968 / 365 = 517.7205… -> 517.72
    //   total 555.78 + 517.72 = 1,073.50
    let interest = &quote["interest"];
    assert_eq!(
        interest["total"],
        json!({"amount": "1073.50", "currency": "EUR"})
    );
    let lines = interest["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (&lines[0]["from"], &lines[0]["to"], &lines[0]["days"]),
        (&json!("2025-01-02"), &json!("2025-07-01"), &json!(180))
    );
    assert_eq!(lines[0]["rate"], "11.27");
    assert_eq!(lines[0]["amount"]["amount"], "555.78");
    assert_eq!(
        (&lines[1]["from"], &lines[1]["to"], &lines[1]["days"]),
        (&json!("2025-07-01"), &json!("2026-01-01"), &json!(184))
    );
    assert_eq!(lines[1]["rate"], "10.27");
    assert_eq!(lines[1]["amount"]["amount"], "517.72");
    assert_eq!(
        lines[1]["base"],
        json!({"amount": "10000.00", "currency": "EUR"})
    );
    assert!(
        lines[0]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("BGB s.288(2)")
    );
    assert_eq!(interest["provisional"], false);

    // BGB s.288(5): EUR 40 per late payment (the Directive's art. 6 figure).
    assert_eq!(
        quote["compensation"]["total"],
        json!({"amount": "40.00", "currency": "EUR"})
    );
    assert!(
        quote["compensation"]["lines"][0]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("s.288(5)")
    );

    let costs = &quote["collection_costs"];
    assert_eq!(costs["recoverable"], true);
    assert_eq!(costs["basis"], "reasonable_costs");
    assert!(costs["legal_basis"].as_str().unwrap().contains("BGB"));

    // BGB s.195/s.199: three years from the end of 2025.
    let invoice = &quote["invoices"][0];
    assert_eq!(invoice["prescription"]["deadline"], "2028-12-31");
    assert_eq!(invoice["prescription"]["time_barred"], false);
    assert_eq!(invoice["days_overdue"], 364);
    assert_eq!(invoice["interest"]["amount"], "1073.50");

    // House default, domestic: 25.00 introduction; 15 % of the first 5,000 + 10 % of the next
    // 5,000 = 1,250.00 commission; +3 points surcharge (364 days > 180) on 10,000 = 300.00.
    let fees = quote["fees"]["components"].as_array().unwrap();
    let fee =
        |kind: &str| fees.iter().find(|c| c["kind"] == kind).unwrap()["amount"]["amount"].clone();
    assert_eq!(fee("introduction_fee"), "25.00");
    assert_eq!(fee("success_commission"), "1250.00");
    assert_eq!(fee("age_surcharge"), "300.00");
    assert!(
        fees.iter()
            .all(|c| !c["explanation"].as_str().unwrap().is_empty())
    );
    assert_eq!(quote["gaps"], json!([]));
}

async fn a_quote_reads_back_unchanged_and_is_hidden_from_other_tenants(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;
    let created = body(
        app.post("/v1/quotes", &member.token, &german_request())
            .await,
    )
    .await;
    let path = format!("/v1/quotes/{}", created["id"].as_str().unwrap());

    assert_eq!(body(app.get(&path, &member.token).await).await, created);
    let viewer = app
        .create_user(&member.organisation_id, "creditor_viewer")
        .await;
    assert_eq!(
        body(app.get(&path, &viewer.token).await).await,
        created,
        "any creditor role reads its own"
    );
    assert_eq!(
        body(app.get(&path, &app.admin_token).await).await,
        created,
        "agency staff read all"
    );

    let other = creditor_member(&app).await;
    let foreign = assert_problem(app.get(&path, &other.token).await, 404).await;
    let missing = assert_problem(
        app.get(
            "/v1/quotes/quo_00000000000000000000000000000000",
            &other.token,
        )
        .await,
        404,
    )
    .await;
    assert_eq!(
        foreign, missing,
        "another tenant's quote is indistinguishable from a missing one"
    );
}

async fn a_repeated_idempotency_key_replays_the_first_quote(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;
    let send = |request: Value| {
        app.client
            .post(app.url("/v1/quotes"))
            .bearer_auth(&member.token)
            .header("Idempotency-Key", "quote-2025-12-31")
            .json(&request)
            .send()
    };

    let first = send(german_request()).await.unwrap();
    let replay = send(german_request()).await.unwrap();

    assert_eq!(first.status(), 201);
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let (first, replay) = (body(first).await, body(replay).await);
    assert_eq!(first, replay);
    let mut changed = german_request();
    changed["invoices"][0]["amount"] = json!("20000.00");
    let reused = assert_problem(send(changed).await.unwrap(), 422).await;
    assert_eq!(reused["errors"][0]["code"], "idempotency_key_reused");
    let stored = body(
        app.get(
            &format!("/v1/quotes/{}", first["id"].as_str().unwrap()),
            &member.token,
        )
        .await,
    )
    .await;
    assert_eq!(stored, first);
}

async fn bad_money_is_a_422_naming_the_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;
    let with_invoices = |invoices: Value| {
        let mut request = german_request();
        request["invoices"] = invoices;
        request
    };
    let cases = [
        (
            json!([{"amount": 10000.5, "due_date": "2025-01-01"}]),
            "invoices[0].amount",
        ),
        (
            json!([{"amount": "10.00", "due_date": "2025-01-01"}, {"amount": "10.005", "due_date": "2025-01-01"}]),
            "invoices[1].amount",
        ),
        (
            json!([{"amount": "-5.00", "due_date": "2025-01-01"}]),
            "invoices[0].amount",
        ),
        (
            json!([{"amount": "0.00", "due_date": "2025-01-01"}]),
            "invoices[0].amount",
        ),
        (
            json!([{"amount": "1e3", "due_date": "2025-01-01"}]),
            "invoices[0].amount",
        ),
        (
            json!([{"amount": "10.00", "due_date": "2025-13-01"}]),
            "invoices[0].due_date",
        ),
        (json!([]), "invoices"),
    ];
    for (invoices, field) in cases {
        let problem = assert_problem(
            app.post(
                "/v1/quotes",
                &member.token,
                &with_invoices(invoices.clone()),
            )
            .await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{invoices}");
    }
    let mut yen = german_request();
    yen["currency"] = json!("JPY");
    yen["invoices"][0]["amount"] = json!("1000.5");
    let problem = assert_problem(app.post("/v1/quotes", &member.token, &yen).await, 422).await;
    assert_eq!(
        problem["errors"][0]["field"], "invoices[0].amount",
        "JPY has no decimals"
    );
    let mut currency = german_request();
    currency["currency"] = json!("EURO");
    let problem = assert_problem(app.post("/v1/quotes", &member.token, &currency).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "currency");
}

async fn a_us_debtor_needs_a_jurisdiction_and_absent_rules_are_gaps(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;
    let mut request = json!({
        "debtor_country": "US",
        "currency": "USD",
        "invoices": [{"amount": "5000.00", "due_date": "2025-01-01"}],
        "as_of": "2025-12-31"
    });

    let problem = assert_problem(app.post("/v1/quotes", &member.token, &request).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "jurisdiction");
    assert_eq!(problem["errors"][0]["code"], "jurisdiction_required");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("US-NY")
    );
    for (jurisdiction, code) in [
        ("US-WA", "unsupported_jurisdiction"),
        ("FR", "jurisdiction_country_mismatch"),
        ("US", "subdivision_required"),
        ("XX", "invalid_jurisdiction"),
    ] {
        request["jurisdiction"] = json!(jurisdiction);
        let problem =
            assert_problem(app.post("/v1/quotes", &member.token, &request).await, 422).await;
        assert_eq!(
            (
                &problem["errors"][0]["field"],
                &problem["errors"][0]["code"]
            ),
            (&json!("jurisdiction"), &json!(code))
        );
    }

    request["jurisdiction"] = json!("us-ny");
    let quote = body(app.post("/v1/quotes", &member.token, &request).await).await;

    assert_eq!(quote["jurisdiction"], "US-NY");
    assert_eq!(quote["route"], "international");
    assert!(
        quote["interest"].is_null(),
        "New York has no verified B2B interest rule: not a figure"
    );
    assert!(quote["compensation"].is_null());
    assert!(quote["collection_costs"].is_null());
    assert!(quote["invoices"][0]["interest"].is_null());
    let topics: Vec<&str> = quote["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["topic"].as_str().unwrap())
        .collect();
    for topic in ["interest", "recovery_compensation", "collection_costs"] {
        assert!(topics.contains(&topic), "{topic} is reported as a gap");
    }
    assert!(
        quote["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| !g["reason"].as_str().unwrap().is_empty())
    );
    // CPLR 213(2): six years from the due date.
    assert_eq!(
        quote["invoices"][0]["prescription"]["deadline"],
        "2031-01-01"
    );
    assert!(
        !quote["fees"]["components"].as_array().unwrap().is_empty(),
        "the agency's fees do not depend on the law"
    );
}

async fn gb_defaults_to_england_and_wales_and_abroad_is_international(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;
    let request = json!({
        "debtor_country": "gb",
        "currency": "GBP",
        "invoices": [{"amount": "5000.00", "due_date": "2025-03-31"}, {"amount": "500.00", "due_date": "2026-06-30"}],
        "as_of": "2025-12-31"
    });

    let quote = body(app.post("/v1/quotes", &member.token, &request).await).await;

    assert_eq!(quote["jurisdiction"], "GB-ENG");
    assert_eq!(quote["debtor_country"], "GB");
    assert_eq!(quote["route"], "international");
    // Late Payment Act s.5A: GBP 70 for a debt of 1,000 to 9,999.99; the second invoice is not due yet.
    assert_eq!(
        quote["compensation"]["total"],
        json!({"amount": "70.00", "currency": "GBP"})
    );
    assert_eq!(quote["compensation"]["lines"].as_array().unwrap().len(), 1);
    assert!(quote["invoices"][1]["compensation"].is_null());
    assert_eq!(
        quote["invoices"][1]["interest"],
        json!({"amount": "0.00", "currency": "GBP"})
    );
    assert_eq!(quote["invoices"][1]["days_overdue"], 0);
    let lines = quote["interest"]["lines"].as_array().unwrap();
    assert!(
        lines.iter().all(|line| line["invoice"] == 0),
        "only the overdue invoice bears interest"
    );
    let commission = quote["fees"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "success_commission")
        .unwrap()
        .clone();
    // International house rates: 20 % of the first 5,000, 15 % of the next: 1,075.00 on 5,500.
    assert_eq!(commission["amount"]["amount"], "1075.00");
}

async fn a_valid_quote_hands_its_fee_terms_to_placement(backend: Backend) {
    let app = spawn_app(backend).await;
    let member = creditor_member(&app).await;
    let other = creditor_member(&app).await;
    let quote = body(
        app.post("/v1/quotes", &member.token, &german_request())
            .await,
    )
    .await;
    let id = quote["id"].as_str().unwrap().to_owned();
    let case = |reference: &str, quote_id: &str| {
        CaseRequest::new(reference)
            .quote(quote_id)
            .invoice(InvoiceRequest::new(
                format!("{reference}-1"),
                "1000.00",
                "2025-01-31",
            ))
    };

    let placed = app
        .post("/v1/cases", &member.token, &case("Q-1", &id))
        .await;
    assert_eq!(placed.status(), 201);
    let placed = body(placed).await;
    assert_eq!(placed["quote_id"], id.as_str());
    assert_eq!(
        placed["balance"]["fees"]["amount"], "25.00",
        "the quote's introduction fee"
    );

    for (token, quote_id) in [(&other.token, id.as_str()), (&member.token, "quo_missing")] {
        let problem = assert_problem(
            app.post("/v1/cases", token, &case("Q-2", quote_id)).await,
            422,
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], "quote_id");
        assert_eq!(problem["errors"][0]["code"], "unknown_or_expired_quote");
    }
}
