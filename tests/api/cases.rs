//! Case placement and tracking: placement with its opening ledger, idempotency, duplicates,
//! validation, assignment, lists, balances with hand-computed interest, instructions, timeline
//! and tenancy.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};

both_backends!(
    a_placed_case_has_its_reference_jurisdiction_ledger_and_timeline,
    idempotent_replays_return_the_first_response,
    duplicate_invoices_and_references_name_the_existing_case,
    bad_cases_are_refused_field_by_field,
    new_cases_go_to_the_least_loaded_covering_collector,
    lists_filter_and_page_within_the_tenant,
    the_balance_carries_hand_checked_statutory_interest,
    instructions_go_through_the_state_machine,
    another_tenants_case_answers_like_a_missing_one,
    the_agency_cannot_take_the_creditors_decisions,
    out_of_range_amounts_unknown_jurisdictions_and_foreign_currency_compensation,
);

fn case_body(reference: &str, invoice: &str, amount: Value) -> Value {
    json!({
        "debtor": {"legal_name": "Globex GmbH", "vat_id": "DE123456789", "country": "DE", "preferred_language": "de"},
        "currency": "EUR",
        "creditor_reference": reference,
        "invoices": [{"number": invoice, "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": amount}]
    })
}

async fn creditor_member(app: &TestApp) -> (String, String) {
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    (creditor, member.token)
}

async fn a_placed_case_has_its_reference_jurisdiction_ledger_and_timeline(backend: Backend) {
    let app = spawn_app(backend).await;
    let (creditor, token) = creditor_member(&app).await;
    let response = app
        .post(
            "/v1/cases",
            &token,
            &case_body("ACME-1", "INV-1", json!("1000.00")),
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
    let first = send(case_body("ACME-1", "INV-1", json!("1000.00")))
        .await
        .unwrap();
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    let replay = send(case_body("ACME-1", "INV-1", json!("1000.00")))
        .await
        .unwrap();
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(body(replay).await["id"], first["id"]);
    let changed = send(case_body("ACME-1", "INV-1", json!("999.00")))
        .await
        .unwrap();
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
            &case_body("ACME-1", "INV-1", json!("1000.00")),
        )
        .await,
    )
    .await;
    let id = first["id"].as_str().unwrap();
    let same_invoice = app
        .post(
            "/v1/cases",
            &token,
            &case_body("ACME-2", "INV-1", json!("50.00")),
        )
        .await;
    let problem = assert_problem(same_invoice, 409).await;
    assert!(problem["detail"].as_str().unwrap().contains(id));
    assert_eq!(problem["code"], "duplicate_case");
    assert_eq!(problem["existing_case_id"], id);
    let same_reference = app
        .post(
            "/v1/cases",
            &token,
            &case_body("ACME-1", "INV-2", json!("50.00")),
        )
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
            &case_body("ACME-1", "INV-1", json!("1000.00")),
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
    let float = app
        .post("/v1/cases", &token, &case_body("R1", "I1", json!(1000.5)))
        .await;
    assert_eq!(
        assert_problem(float, 422).await["errors"][0]["field"],
        "invoices[0].amount"
    );
    let third_decimal = app
        .post("/v1/cases", &token, &case_body("R1", "I1", json!("10.005")))
        .await;
    assert_eq!(
        assert_problem(third_decimal, 422).await["errors"][0]["field"],
        "invoices[0].amount"
    );
    let negative = app
        .post("/v1/cases", &token, &case_body("R1", "I1", json!("-5.00")))
        .await;
    assert_eq!(
        assert_problem(negative, 422).await["errors"][0]["field"],
        "invoices[0].amount"
    );

    let mut consumer = case_body("R1", "I1", json!("10.00"));
    consumer["debtor"] = json!({"kind": "consumer", "legal_name": "Jane Doe", "country": "DE"});
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

    let mut american = case_body("R1", "I1", json!("10.00"));
    american["currency"] = json!("USD");
    american["debtor"] =
        json!({"legal_name": "Initech Inc.", "registration_number": "5551234", "country": "US"});
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &american).await, 422).await["errors"][0]["field"],
        "jurisdiction"
    );
    american["jurisdiction"] = json!("US-NY");
    assert_eq!(app.post("/v1/cases", &token, &american).await.status(), 201);

    let mut bad_dates = case_body("R2", "I2", json!("10.00"));
    bad_dates["invoices"][0]["due_date"] = json!("2025-12-31");
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &bad_dates).await, 422).await["errors"][0]["field"],
        "invoices[0].due_date"
    );
    let mut no_debtor = case_body("R3", "I3", json!("10.00"));
    no_debtor.as_object_mut().unwrap().remove("debtor");
    assert_eq!(
        assert_problem(app.post("/v1/cases", &token, &no_debtor).await, 422).await["errors"][0]["field"],
        "debtor"
    );
    let mut unknown_debtor = case_body("R3", "I3", json!("10.00"));
    unknown_debtor.as_object_mut().unwrap().remove("debtor");
    unknown_debtor["debtor_id"] = json!("dbt_missing");
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
        app.post(
            "/v1/cases",
            &viewer.token,
            &case_body("R9", "I9", json!("10.00")),
        )
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
                &case_body(&format!("R{index}"), &format!("I{index}"), json!("10.00")),
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

async fn lists_filter_and_page_within_the_tenant(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    for index in 0..3 {
        app.post(
            "/v1/cases",
            &token,
            &case_body(
                &format!("ACME-{index}"),
                &format!("INV-{index}"),
                json!("10.00"),
            ),
        )
        .await;
    }
    let mut french = case_body("ACME-FR", "INV-FR", json!("10.00"));
    french["debtor"] =
        json!({"legal_name": "Fromagerie Dupont SARL", "vat_id": "FR40303265045", "country": "FR"});
    assert_eq!(app.post("/v1/cases", &token, &french).await.status(), 201);
    let other_creditor = app.create_creditor("Other").await;
    let other = app.create_user(&other_creditor, "creditor_member").await;
    app.place_case(&other.token, "OTHER-1").await;

    let all = body(app.get("/v1/cases", &token).await).await;
    assert_eq!(
        all["data"].as_array().unwrap().len(),
        4,
        "only the creditor's own cases"
    );
    let page = body(app.get("/v1/cases?limit=3", &token).await).await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = body(
        app.get(&format!("/v1/cases?limit=3&cursor={cursor}"), &token)
            .await,
    )
    .await;
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    let in_france = body(app.get("/v1/cases?country=FR", &token).await).await;
    assert_eq!(in_france["data"][0]["creditor_reference"], "ACME-FR");
    assert_eq!(in_france["data"].as_array().unwrap().len(), 1);
    let by_name = body(app.get("/v1/cases?q=fromagerie", &token).await).await;
    assert_eq!(by_name["data"].as_array().unwrap().len(), 1);
    let by_reference = body(app.get("/v1/cases?creditor_reference=ACME-1", &token).await).await;
    assert_eq!(by_reference["data"].as_array().unwrap().len(), 1);
    let submitted = body(app.get("/v1/cases?state=submitted", &token).await).await;
    assert_eq!(submitted["data"].as_array().unwrap().len(), 4);
    assert_problem(app.get("/v1/cases?state=sleeping", &token).await, 422).await;
    let agency_view = body(app.get("/v1/cases", &app.admin_token).await).await;
    assert_eq!(
        agency_view["data"].as_array().unwrap().len(),
        5,
        "the agency sees every creditor's cases"
    );
}

async fn the_balance_carries_hand_checked_statutory_interest(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = body(
        app.post(
            "/v1/cases",
            &token,
            &case_body("ACME-1", "INV-1", json!("1000.00")),
        )
        .await,
    )
    .await;
    let id = case["id"].as_str().unwrap();
    // Due 2026-02-04, so interest runs 2026-02-05 through 2026-06-30: 146 days. BGB s.288(2):
    // Basiszinssatz 1.27 % (2026-H1) + 9 points = 10.27 %. 1000.00 x 10.27 % x 146/365
    // = 1000.00 x 0.1027 x 0.4 = 41.08.
    let balance = body(
        app.get(&format!("/v1/cases/{id}/balance?as_of=2026-06-30"), &token)
            .await,
    )
    .await;
    assert_eq!(
        balance["interest"]["total"],
        json!({"amount": "41.08", "currency": "EUR"})
    );
    let line = &balance["interest"]["lines"][0];
    assert_eq!(
        (
            line["from"].as_str(),
            line["to"].as_str(),
            line["days"].as_i64()
        ),
        (Some("2026-02-05"), Some("2026-07-01"), Some(146))
    );
    assert_eq!(line["rate"], "10.27");
    assert!(line["legal_basis"].as_str().unwrap().contains("288"));
    assert_eq!(
        balance["outstanding"]["amount"], "1081.08",
        "1000.00 + 41.08 + 40.00"
    );
    assert_eq!(balance["paid"]["amount"], "0.00");

    let before_due = body(
        app.get(&format!("/v1/cases/{id}/balance?as_of=2026-02-04"), &token)
            .await,
    )
    .await;
    assert_eq!(before_due["interest"]["total"]["amount"], "0.00");
    assert_eq!(
        before_due["compensation"]["amount"], "0.00",
        "compensation is payable from the day after the due date"
    );
    assert_problem(
        app.get(&format!("/v1/cases/{id}/balance?as_of=yesterday"), &token)
            .await,
        422,
    )
    .await;
}

async fn instructions_go_through_the_state_machine(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = app.place_case(&token, "ACME-1").await;
    let path = format!("/v1/cases/{}/instructions", case["id"].as_str().unwrap());

    let paused = app
        .post(
            &path,
            &token,
            &json!({"type": "pause", "reason": "Debtor called", "resume_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(paused.status(), 200);
    let paused = body(paused).await;
    assert_eq!(
        (paused["state"].as_str(), paused["resume_to"].as_str()),
        (Some("paused"), Some("submitted"))
    );
    assert_eq!(paused["resume_on"], "2099-01-01");
    assert_eq!(
        paused["allowed_instructions"],
        json!(["resume", "close", "withdraw"])
    );

    let twice = app
        .post(&path, &token, &json!({"type": "pause", "reason": "again"}))
        .await;
    let problem = assert_problem(twice, 409).await;
    assert_eq!(problem["code"], "transition_refused");
    assert_eq!(problem["state"], "paused");
    assert!(
        problem["allowed_commands"]
            .as_array()
            .unwrap()
            .contains(&json!("resume")),
        "{problem}"
    );
    let detail = problem["detail"].as_str().unwrap().to_owned();
    assert!(
        detail.contains("paused") && detail.contains("resume"),
        "{detail}"
    );

    let resumed = body(
        app.post(&path, &token, &json!({"type": "resume", "reason": "Go on"}))
            .await,
    )
    .await;
    assert_eq!(resumed["state"], "submitted");
    assert!(resumed["resume_on"].is_null());

    let paid_in_full = app
        .post(
            &path,
            &token,
            &json!({"type": "close", "reason": "x", "outcome": "paid_in_full"}),
        )
        .await;
    assert_problem(paid_in_full, 409).await;
    let escalate_without_assessment = app
        .post(&path, &token, &json!({"type": "escalate", "reason": "x"}))
        .await;
    assert_eq!(
        assert_problem(escalate_without_assessment, 422).await["errors"][0]["field"],
        "assessment"
    );
    let past = app
        .post(
            &path,
            &token,
            &json!({"type": "pause", "reason": "x", "resume_on": "2020-01-01"}),
        )
        .await;
    assert_eq!(
        assert_problem(past, 422).await["errors"][0]["field"],
        "resume_on"
    );

    let withdrawn = body(
        app.post(
            &path,
            &token,
            &json!({"type": "withdraw", "reason": "Settled with the debtor"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (withdrawn["state"].as_str(), withdrawn["outcome"].as_str()),
        (Some("closed"), Some("withdrawn"))
    );
    assert!(
        withdrawn["allowed_instructions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_ne!(
        withdrawn["balance"]["fees"]["amount"], "25.00",
        "a withdrawal fee was posted on top of the introduction fee"
    );

    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline", case["id"].as_str().unwrap()),
            &token,
        )
        .await,
    )
    .await;
    let kinds: Vec<&str> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["placed", "pause", "resume", "withdraw"]);
    assert_eq!(timeline["data"][1]["state_before"], "submitted");
    assert_eq!(timeline["data"][1]["state_after"], "paused");
    assert_eq!(timeline["data"][1]["detail"]["reason"], "Debtor called");

    let creditor = body(app.get("/v1/me", &token).await).await["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_problem(
        app.post(
            &path,
            &viewer.token,
            &json!({"type": "pause", "reason": "x"}),
        )
        .await,
        403,
    )
    .await;
}

async fn another_tenants_case_answers_like_a_missing_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = app.place_case(&token, "ACME-1").await;
    let id = case["id"].as_str().unwrap();
    let other_creditor = app.create_creditor("Other").await;
    let other = app.create_user(&other_creditor, "creditor_admin").await;
    for (method, suffix, payload) in [
        (reqwest::Method::GET, "", None),
        (reqwest::Method::GET, "/balance", None),
        (reqwest::Method::GET, "/timeline", None),
        (
            reqwest::Method::POST,
            "/instructions",
            Some(json!({"type": "pause", "reason": "x"})),
        ),
    ] {
        let foreign = app
            .request(
                method.clone(),
                &format!("/v1/cases/{id}{suffix}"),
                Some(&other.token),
                payload.as_ref(),
            )
            .await;
        let missing = app
            .request(
                method.clone(),
                &format!("/v1/cases/case_missing{suffix}"),
                Some(&other.token),
                payload.as_ref(),
            )
            .await;
        assert_eq!(
            assert_problem(foreign, 404).await,
            assert_problem(missing, 404).await,
            "{method} {suffix}"
        );
    }
    let debtor_id = body(app.get(&format!("/v1/cases/{id}"), &token).await).await["debtor"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_problem(
        app.get(&format!("/v1/debtors/{debtor_id}"), &other.token)
            .await,
        404,
    )
    .await;
}

async fn the_agency_cannot_take_the_creditors_decisions(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = app.place_case(&token, "ACME-1").await;
    let path = format!("/v1/cases/{}/instructions", case["id"].as_str().unwrap());
    let agency = app.agency_id().await;
    let collector = app.create_user(&agency, "collector").await;

    let seen = body(
        app.get(
            &format!("/v1/cases/{}", case["id"].as_str().unwrap()),
            &collector.token,
        )
        .await,
    )
    .await;
    assert!(
        !seen["allowed_instructions"]
            .as_array()
            .unwrap()
            .contains(&json!("withdraw")),
        "{}",
        seen["allowed_instructions"]
    );
    let withdraw = app
        .post(
            &path,
            &collector.token,
            &json!({"type": "withdraw", "reason": "x"}),
        )
        .await;
    assert_problem(withdraw, 403).await;
    let by_admin = app
        .post(
            &path,
            &app.admin_token,
            &json!({"type": "withdraw", "reason": "x"}),
        )
        .await;
    assert_problem(by_admin, 403).await;

    let assessment = json!({
        "recommendation": "proceed",
        "cost_estimate": {"amount": "750.00", "currency": "EUR"},
        "success_probability_pct": 70,
        "summary": "Solvent debtor, undisputed invoices."
    });
    let case_id = case["id"].as_str().unwrap().to_owned();
    let assign = json!({"collector_id": collector.id});
    let assigned = app
        .request(
            reqwest::Method::PUT,
            &format!("/v1/cases/{case_id}/assignment"),
            Some(&app.admin_token),
            Some(&assign),
        )
        .await;
    assert_eq!(body(assigned).await["state"], "assessment");
    start_amicable(&app, &case_id).await;
    let escalated = app
        .post(
            &path,
            &collector.token,
            &json!({"type": "escalate", "reason": "No reaction", "assessment": assessment}),
        )
        .await;
    assert_eq!(
        escalated.status(),
        200,
        "the agency escalates to pre-legal with its assessment"
    );
    assert_eq!(body(escalated).await["state"], "pre_legal");
    let approval_by_agency = app
        .post(
            &path,
            &collector.token,
            &json!({"type": "escalate", "reason": "go"}),
        )
        .await;
    assert_problem(approval_by_agency, 403).await;
    let approved = app
        .post(
            &path,
            &token,
            &json!({"type": "escalate", "reason": "Approved by finance"}),
        )
        .await;
    assert_eq!(approved.status(), 200);
    assert_eq!(
        body(approved).await["state"],
        "legal",
        "the creditor's approval moves the case to legal"
    );
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
            &case_body("R1", "I1", json!("50000000000000000.00")),
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

    let mut unknown = case_body("R2", "I2", json!("10.00"));
    unknown["jurisdiction"] = json!("DE-XYZ");
    assert_problem(app.post("/v1/cases", &token, &unknown).await, 422).await;

    let mut dollars = case_body("R3", "I3", json!("1000.00"));
    dollars["currency"] = json!("USD");
    let placed = app.post("/v1/cases", &token, &dollars).await;
    assert_eq!(placed.status(), 201);
    let placed = body(placed).await;
    assert_eq!(
        placed["balance"]["compensation"],
        json!({"amount": "0.00", "currency": "USD"}),
        "EUR 40 is never booked as USD 40"
    );
}

/// Arrange: the collector's `start_amicable` has no endpoint yet, so it is applied through the
/// same use case the endpoints use.
async fn start_amicable(app: &TestApp, case_id: &str) {
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
