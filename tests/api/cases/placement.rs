//! Placing a case: its opening ledger, idempotent replays, duplicates, field-by-field
//! validation, assignment to a covering collector, amounts and jurisdictions out of range.

use serde_json::{Value, json};

use super::{case_body, creditor_member};
use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InvoiceRequest, assert_problem, body, spawn_app,
};

both_backends!(
    a_placed_case_has_its_reference_jurisdiction_ledger_and_timeline,
    idempotent_replays_return_the_first_response,
    duplicate_invoices_and_references_name_the_existing_case,
    bad_cases_are_refused_field_by_field,
    new_cases_go_to_the_least_loaded_covering_collector,
    out_of_range_amounts_unknown_jurisdictions_and_foreign_currency_compensation,
);

async fn a_placed_case_has_its_reference_jurisdiction_ledger_and_timeline(backend: Backend) {
    let app = spawn_app(backend).await;
    let (creditor, token) = creditor_member(&app).await;
    let response = app
        .post(
            "/v1/cases",
            &token,
            &case_body("ACME-1", "INV-1", "1000.00"),
        )
        .await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let case = body(response).await;
    assert_eq!(
        location,
        format!("/v1/cases/{}", case["id"].as_str().unwrap())
    );
    assert_eq!(case["organisation_id"], creditor.as_str());
    assert_eq!(case["state"], "submitted", "no collector covers DE yet");
    assert_eq!(case["jurisdiction"], "DE");
    let rf = case["rf_reference"].as_str().unwrap();
    assert!(rf.starts_with("RF") && rf.len() <= 25, "{rf}");
    assert_eq!(
        case["invoices"][0]["amount"],
        json!({"amount": "1000.00", "currency": "EUR"})
    );
    assert_eq!(case["balance"]["principal"]["amount"], "1000.00");
    assert_eq!(
        case["balance"]["compensation"]["amount"], "40.00",
        "BGB s.288(5) flat EUR 40"
    );
    assert_eq!(
        case["balance"]["fees"]["amount"], "25.00",
        "default introduction fee"
    );
    assert!(
        case["allowed_instructions"]
            .as_array()
            .unwrap()
            .contains(&json!("pause"))
    );
    assert!(
        case["prescription"]["deadline"].is_string(),
        "{}",
        case["prescription"]
    );

    let fetched = body(app.get(&location, &token).await).await;
    assert_eq!(fetched["id"], case["id"]);
    let timeline = body(app.get(&format!("{location}/timeline"), &token).await).await;
    assert_eq!(timeline["data"][0]["kind"], "placed");
    assert_eq!(timeline["data"][0]["state_after"], "submitted");
    assert_eq!(timeline["data"][0]["actor"]["kind"], "user");
}

async fn idempotent_replays_return_the_first_response(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let send = |payload: Value| {
        app.client
            .post(app.url("/v1/cases"))
            .bearer_auth(&token)
            .header("idempotency-key", "erp-batch-7")
            .json(&payload)
            .send()
    };
    let first = send(case_body("ACME-1", "INV-1", "1000.00")).await.unwrap();
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    let replay = send(case_body("ACME-1", "INV-1", "1000.00")).await.unwrap();
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(body(replay).await["id"], first["id"]);
    let changed = send(case_body("ACME-1", "INV-1", "999.00")).await.unwrap();
    assert_eq!(
        assert_problem(changed, 422).await["errors"][0]["code"],
        "idempotency_key_reused"
    );
    let listed = body(app.get("/v1/cases", &token).await).await;
    assert_eq!(
        listed["data"].as_array().unwrap().len(),
        1,
        "one case despite three requests"
    );
}

async fn duplicate_invoices_and_references_name_the_existing_case(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let first = body(
        app.post(
            "/v1/cases",
            &token,
            &case_body("ACME-1", "INV-1", "1000.00"),
        )
        .await,
    )
    .await;
    let id = first["id"].as_str().unwrap();
    let same_invoice = app
        .post("/v1/cases", &token, &case_body("ACME-2", "INV-1", "50.00"))
        .await;
    let problem = assert_problem(same_invoice, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains(id));
    assert_eq!(problem["code"], "duplicate_case");
    assert_eq!(problem["existing_case_id"], id);
    let same_reference = app
        .post("/v1/cases", &token, &case_body("ACME-1", "INV-2", "50.00"))
        .await;
    let problem = assert_problem(same_reference, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains(id));
    assert_eq!(problem["code"], "duplicate_case");
    assert_eq!(problem["existing_case_id"], id);
    let other_creditor = app.create_creditor("Other").await;
    let other = app.create_user(&other_creditor, "creditor_admin").await;
    let elsewhere = app
        .post(
            "/v1/cases",
            &other.token,
            &case_body("ACME-1", "INV-1", "1000.00"),
        )
        .await;
    assert_eq!(
        elsewhere.status(),
        201,
        "invoice numbers are unique per creditor only"
    );
}

async fn bad_cases_are_refused_field_by_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    // A JSON number, not the documented decimal string: no typed client sends it.
    let mut float = case_body("R1", "I1", "0");
    float["invoices"][0]["amount"] = json!(1000.5);
    let float = app.post("/v1/cases", &token, &float).await;
    assert_eq!(
        assert_problem(float, 422).await["errors"][0]["field"],
        "invoices[0].amount"
    );
    let third_decimal = app
        .post("/v1/cases", &token, &case_body("R1", "I1", "10.005"))
        .await;
    assert_eq!(
        assert_problem(third_decimal, 422).await["errors"][0]["field"],
        "invoices[0].amount"
    );
    let negative = app
        .post("/v1/cases", &token, &case_body("R1", "I1", "-5.00"))
        .await;
    assert_eq!(
        assert_problem(negative, 422).await["errors"][0]["field"],
        "invoices[0].amount"
    );

    let consumer = CaseRequest::new("R1")
        .debtor(DebtorRequest::consumer("Jane Doe", "DE"))
        .invoice(InvoiceRequest::new("I1", "10.00", "2026-02-04"));
    let problem = assert_problem(app.post("/v1/cases", &token, &consumer).await, 422).await;
    let consumer_error = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "debtor.kind")
        .unwrap();
    assert!(
        consumer_error["message"]
            .as_str()
            .unwrap()
            .contains("business")
    );

    let american = CaseRequest::new("R1")
        .currency("USD")
        .debtor(DebtorRequest::company("Initech Inc.", "US").registration_number("5551234"))
        .invoice(InvoiceRequest::new("I1", "10.00", "2026-02-04"));
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &american).await, 422).await["errors"][0]["field"],
        "jurisdiction"
    );
    let american = american.jurisdiction("US-NY");
    assert_eq!(app.post("/v1/cases", &token, &american).await.status(), 201);

    let mut bad_dates = case_body("R2", "I2", "10.00");
    bad_dates["invoices"][0]["due_date"] = json!("2025-12-31");
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &bad_dates).await, 422).await["errors"][0]["field"],
        "invoices[0].due_date"
    );
    let mut no_debtor = case_body("R3", "I3", "10.00");
    no_debtor.as_object_mut().unwrap().remove("debtor");
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &no_debtor).await, 422).await["errors"][0]["field"],
        "debtor"
    );
    let unknown_debtor = CaseRequest::new("R3")
        .debtor_id("dbt_missing")
        .invoice(InvoiceRequest::new("I3", "10.00", "2026-02-04"));
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &unknown_debtor).await, 422).await["errors"]
            [0]["field"],
        "debtor_id"
    );

    let creditor = body(app.get("/v1/me", &token).await).await["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_problem(
        app.post("/v1/cases", &viewer.token, &case_body("R9", "I9", "10.00"))
            .await,
        403,
    )
    .await;
}

async fn new_cases_go_to_the_least_loaded_covering_collector(backend: Backend) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let german = app.create_user(&agency, "collector").await;
    let also_german = app.create_user(&agency, "collector").await;
    let french = app.create_user(&agency, "collector").await;
    for (collector, country, language) in [
        (&german, "DE", "de"),
        (&also_german, "DE", "*"),
        (&french, "FR", "fr"),
    ] {
        let coverage = json!({"areas": [{"country": country, "language": language}]});
        let response = app
            .request(
                reqwest::Method::PUT,
                &format!("/v1/collectors/{}/coverage", collector.id),
                Some(&app.admin_token),
                Some(&coverage),
            )
            .await;
        assert_eq!(response.status(), 200);
    }
    let (_, token) = creditor_member(&app).await;
    let mut assigned = Vec::new();
    for index in 0..4 {
        let case = body(
            app.post(
                "/v1/cases",
                &token,
                &case_body(&format!("R{index}"), &format!("I{index}"), "10.00"),
            )
            .await,
        )
        .await;
        assert_eq!(case["state"], "assessment");
        assigned.push(case["collector_id"].as_str().unwrap().to_owned());
    }
    let german_count = assigned.iter().filter(|id| **id == german.id).count();
    let also_count = assigned.iter().filter(|id| **id == also_german.id).count();
    assert_eq!(
        (german_count, also_count),
        (2, 2),
        "alternates by load: {assigned:?}"
    );
    assert!(!assigned.contains(&french.id));

    let first = body(app.get("/v1/cases?limit=1", &token).await).await["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reassign = app
        .request(
            reqwest::Method::PUT,
            &format!("/v1/cases/{first}/assignment"),
            Some(&app.admin_token),
            Some(&json!({"collector_id": french.id})),
        )
        .await;
    assert_eq!(body(reassign).await["collector_id"], french.id.as_str());
    let by_creditor = app
        .request(
            reqwest::Method::PUT,
            &format!("/v1/cases/{first}/assignment"),
            Some(&token),
            Some(&json!({"collector_id": french.id})),
        )
        .await;
    assert_problem(by_creditor, 403).await;
    let not_collector = app
        .request(
            reqwest::Method::PUT,
            &format!("/v1/cases/{first}/assignment"),
            Some(&app.admin_token),
            Some(&json!({"collector_id": "usr_nobody"})),
        )
        .await;
    assert_problem(not_collector, 422).await;
}

async fn out_of_range_amounts_unknown_jurisdictions_and_foreign_currency_compensation(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let huge = app
        .post(
            "/v1/cases",
            &token,
            &case_body("R1", "I1", "50000000000000000.00"),
        )
        .await;
    let problem = assert_problem(huge, 422).await;
    assert_eq!(
        (
            problem["errors"][0]["field"].as_str(),
            problem["errors"][0]["code"].as_str()
        ),
        (Some("invoices[0].amount"), Some("too_large"))
    );

    // Each refusal of a jurisdiction says what was given and what this debtor (in DE) accepts.
    for (given, code, message) in [
        (
            "DE-XYZ",
            "unsupported_jurisdiction",
            "Solvo has no rules for `DE-XYZ`: give DE (GET /v1/jurisdictions lists every one).",
        ),
        (
            "XX",
            "invalid_jurisdiction",
            // Read with the other fields, before the debtor (and so its country) is known.
            "`XX` is not a jurisdiction code: give the country's ISO 3166 code (`DE`, `GB-SCT`, `US-NY`) or leave it out to use the debtor's country.",
        ),
        (
            "fr",
            "jurisdiction_country_mismatch",
            "`FR` is not in the debtor's country DE: give DE or leave it out.",
        ),
        (
            "GB",
            "subdivision_required",
            "`GB` has more than one legal system here: name the part whose law governs the claim, one of GB-ENG, GB-SCT.",
        ),
    ] {
        let unknown = CaseRequest::new("R2")
            .debtor(DebtorRequest::globex().language("de"))
            .jurisdiction(given)
            .invoice(InvoiceRequest::new("I2", "10.00", "2026-02-04"));
        let problem = assert_problem(app.post("/v1/cases", &token, &unknown).await, 422).await;
        let error = &problem["errors"][0];
        assert_eq!(
            (&error["field"], &error["code"], &error["message"]),
            (&json!("jurisdiction"), &json!(code), &json!(message)),
            "{given}"
        );
    }

    let dollars = CaseRequest::new("R3")
        .debtor(DebtorRequest::globex().language("de"))
        .currency("USD")
        .invoice(InvoiceRequest::new("I3", "1000.00", "2026-02-04"));
    let placed = app.post("/v1/cases", &token, &dollars).await;
    assert_eq!(placed.status(), 201);
    let placed = body(placed).await;
    assert_eq!(
        placed["balance"]["compensation"],
        json!({"amount": "0.00", "currency": "USD"}),
        "EUR 40 is never booked as USD 40"
    );
}
