//! Bulk JSON placement and CSV import: a result per item or row, valid ones land, refused ones
//! leave nothing behind, duplicates name the existing case.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, GLOBEX, InvoiceRequest, TestApp, assert_problem, body,
    count, spawn_app,
};

both_backends!(
    a_bulk_request_places_valid_cases_and_reports_each_item,
    a_csv_import_groups_rows_into_cases_and_reports_each_row,
    a_refused_row_refuses_its_whole_case,
    bad_files_are_refused_with_problems,
    duplicates_and_debtors_are_recognised_across_chunks,
    concurrent_bulk_requests_place_each_case_once,
);

fn case(reference: &str, invoice: &str, vat: &str, amount: &str) -> Value {
    CaseRequest::new(reference)
        .debtor(DebtorRequest::company(GLOBEX, "DE").vat_id(vat))
        .invoice(InvoiceRequest::new(invoice, amount, "2026-02-04"))
        .json()
}

async fn member(app: &TestApp) -> String {
    let creditor = app.create_creditor("Acme").await;
    app.create_user(&creditor, "creditor_member").await.token
}

async fn import(app: &TestApp, token: &str, csv: &str) -> reqwest::Response {
    app.client
        .post(app.url("/v1/cases/import"))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
        .unwrap()
}

async fn a_bulk_request_places_valid_cases_and_reports_each_item(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let earlier = app.place_case(&token, "EARLIER").await;
    let items = json!([
        case("B-1", "I-1", "DE123456789", "100.00"),
        case("B-2", "I-2", "DE123456789", "200.00"),
        case("B-3", "I-3", "DE123456789", "12.345"),
        case("B-4", "EARLIER-INV-1", "DE123456789", "5.00"),
        case("B-1", "I-5", "DE123456789", "5.00"),
        {"currency": "EUR"},
        case("B-7", "I-7", "DE999999999", "7.00"),
    ]);
    let response = app.post("/v1/cases/bulk", &token, &items).await;
    assert_eq!(response.status(), 200);
    let outcome = body(response).await;
    let statuses: Vec<&str> = outcome["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "created",
            "created",
            "rejected",
            "duplicate",
            "duplicate",
            "rejected",
            "created"
        ]
    );
    assert_eq!(
        outcome["summary"],
        json!({"received": 7, "created": 3, "duplicate": 2, "rejected": 2})
    );
    assert_eq!(
        outcome["results"][2]["errors"][0]["field"],
        "invoices[0].amount"
    );
    assert_eq!(outcome["results"][3]["existing_case_id"], earlier["id"]);
    assert_eq!(
        outcome["results"][4]["existing_case_id"], outcome["results"][0]["case_id"],
        "a duplicate within the request names its twin"
    );

    let created = outcome["results"][0]["case_id"].as_str().unwrap();
    let fetched = body(app.get(&format!("/v1/cases/{created}"), &token).await).await;
    assert_eq!(fetched["balance"]["principal"]["amount"], "100.00");
    assert_eq!(fetched["balance"]["compensation"]["amount"], "40.00");
    let second = body(
        app.get(
            &format!(
                "/v1/cases/{}",
                outcome["results"][1]["case_id"].as_str().unwrap()
            ),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(
        fetched["debtor"]["id"], second["debtor"]["id"],
        "one debtor per VAT id, even within a request"
    );
    assert_ne!(fetched["rf_reference"], second["rf_reference"]);
    let timeline = body(
        app.get(&format!("/v1/cases/{created}/timeline"), &token)
            .await,
    )
    .await;
    assert_eq!(timeline["data"][0]["kind"], "placed");
    let all = body(app.get("/v1/cases?limit=500", &token).await).await;
    assert_eq!(
        all["data"].as_array().unwrap().len(),
        4,
        "the earlier case and three new ones"
    );
}

async fn a_csv_import_groups_rows_into_cases_and_reports_each_row(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let csv = "\u{feff}creditor_reference;debtor_legal_name;debtor_country;debtor_vat_id;currency;invoice_number;issue_date;due_date;amount\n\
               R-1;\"Globex; GmbH\";DE;DE123456789;EUR;INV-1;2026-01-05;2026-02-04;1000,00\n\
               R-2;Initech BV;NL;NL123456789B01;EUR;INV-2;2026-01-05;2026-02-04;250.50\n\
               R-1;\"Globex; GmbH\";DE;DE123456789;EUR;INV-3;2026-01-10;2026-02-09;500,00\n";
    let response = import(&app, &token, csv).await;
    assert_eq!(response.status(), 200);
    let outcome = body(response).await;
    assert_eq!(outcome["summary"]["cases_created"], 2);
    assert_eq!(outcome["summary"]["rows_created"], 3);
    let rows = outcome["results"].as_array().unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| r["row"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert_eq!(
        rows[0]["case_id"], rows[2]["case_id"],
        "rows 2 and 4 share creditor_reference R-1"
    );
    let case = body(
        app.get(
            &format!("/v1/cases/{}", rows[0]["case_id"].as_str().unwrap()),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(case["debtor"]["legal_name"], "Globex; GmbH");
    assert_eq!(case["balance"]["principal"]["amount"], "1500.00");

    let again = body(import(&app, &token, csv).await).await;
    assert_eq!(again["summary"]["rows_duplicate"], 3);
    assert_eq!(again["results"][0]["existing_case_id"], rows[0]["case_id"]);
}

async fn a_refused_row_refuses_its_whole_case(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let csv = "creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount\n\
               R-1,Globex GmbH,DE,DE123456789,EUR,INV-1,2026-01-05,2026-02-04,100.00\n\
               R-1,Globex GmbH,DE,DE123456789,EUR,INV-2,2026-01-05,2026-13-04,100.00\n\
               R-2,Initech BV,NL,NL123456789B01,EUR,INV-3,2026-01-05,2026-02-04,1e3\n\
               R-3,Initech BV,NL,NL123456789B01,EUR,INV-4,2026-01-05,2026-02-04,80.00\n\
               R-4,Short row\n";
    let outcome = body(import(&app, &token, csv).await).await;
    let rows = outcome["results"].as_array().unwrap();
    let by_line = |line: u64| rows.iter().find(|r| r["row"] == line).unwrap();
    assert_eq!(
        by_line(2)["status"],
        "rejected",
        "its case-mate on line 3 has a bad date"
    );
    assert!(
        by_line(2)["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 3")
    );
    assert_eq!(by_line(3)["errors"][0]["column"], "due_date");
    assert_eq!(by_line(4)["errors"][0]["column"], "amount");
    assert_eq!(by_line(5)["status"], "created");
    assert_eq!(by_line(6)["errors"][0]["column"], "row");
    assert_eq!(outcome["summary"]["rows"], 5);
    let cases = body(app.get("/v1/cases", &token).await).await;
    assert_eq!(
        cases["data"].as_array().unwrap().len(),
        1,
        "no half case of R-1"
    );
    assert_eq!(cases["data"][0]["creditor_reference"], "R-3");
}

async fn bad_files_are_refused_with_problems(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let missing = import(&app, &token, "creditor_reference,amount\nR,1\n").await;
    let problem = assert_problem(missing, 422).await;
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("debtor_legal_name")
    );
    let wrong_type = app
        .client
        .post(app.url("/v1/cases/import"))
        .bearer_auth(&token)
        .header("content-type", "application/pdf")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_problem(wrong_type, 415).await;
    assert_problem(app.post("/v1/cases/bulk", &token, &json!([])).await, 422).await;
    assert_problem(
        app.post("/v1/cases/bulk", &token, &json!({"not": "an array"}))
            .await,
        422,
    )
    .await;
    let creditor = body(app.get("/v1/me", &token).await).await["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_problem(
        app.post(
            "/v1/cases/bulk",
            &viewer.token,
            &json!([case("X", "Y", "DE123456789", "1.00")]),
        )
        .await,
        403,
    )
    .await;
}

fn statuses(outcome: &Value) -> Vec<String> {
    outcome["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .collect()
}

/// More than one write chunk (1,000 cases) in a request: what the first chunk placed is known
/// to the second.
async fn duplicates_and_debtors_are_recognised_across_chunks(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let mut items: Vec<Value> = (0..1_200)
        .map(|i| case(&format!("B-{i}"), &format!("I-{i}"), "DE123456789", "10.00"))
        .collect();
    items.push(case("B-3", "I-NEW", "DE123456789", "10.00"));
    items.push(case("B-NEW", "I-7", "DE123456789", "10.00"));
    items.push(case("B-OTHER", "I-OTHER", "DE999999999", "10.00"));
    let response = app.post("/v1/cases/bulk", &token, &json!(items)).await;
    assert_eq!(response.status(), 200);
    let outcome = body(response).await;
    assert_eq!(
        outcome["summary"],
        json!({"received": 1_203, "created": 1_201, "duplicate": 2, "rejected": 0})
    );
    let statuses = statuses(&outcome);
    assert_eq!(statuses[1_200], "duplicate");
    assert_eq!(
        outcome["results"][1_200]["existing_case_id"],
        outcome["results"][3]["case_id"]
    );
    assert_eq!(statuses[1_201], "duplicate");
    assert_eq!(
        outcome["results"][1_201]["existing_case_id"],
        outcome["results"][7]["case_id"]
    );
    let debtor_of = |index: usize| {
        let id = outcome["results"][index]["case_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let app = &app;
        let token = &token;
        async move {
            body(app.get(&format!("/v1/cases/{id}"), token).await).await["debtor"]["id"].clone()
        }
    };
    let first = debtor_of(0).await;
    assert_eq!(first, debtor_of(1_150).await, "one debtor across chunks");
    assert_ne!(first, debtor_of(1_202).await);

    // Storage is the point: no endpoint shows whether the cases share the default schedule's
    // row or each got a copy.
    let schedules = count(
        &app.database_url,
        "SELECT COUNT(*) AS count FROM fee_schedules",
    )
    .await;
    let linked = count(
        &app.database_url,
        "SELECT COUNT(*) AS count FROM cases WHERE fee_schedule_id IN (SELECT id FROM fee_schedules)",
    )
    .await;
    assert_eq!(schedules, 1, "the cases share the default schedule's row");
    assert_eq!(linked, 1_201);
}

/// Two requests racing with the same cases: each case is placed once, and the loser reports it
/// as a duplicate of the winner's case. On PostgreSQL the loser's chunk can fail on a unique
/// index after its lookups found nothing, and is placed again one case at a time.
async fn concurrent_bulk_requests_place_each_case_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let items: Vec<Value> = (0..300)
        .map(|i| {
            case(
                &format!("R-{i}"),
                &format!("RI-{i}"),
                &format!("DE{:09}", 100_000_000 + i % 7),
                "10.00",
            )
        })
        .collect();
    let items = json!(items);
    let (first, second) = tokio::join!(
        app.post("/v1/cases/bulk", &token, &items),
        app.post("/v1/cases/bulk", &token, &items)
    );
    assert_eq!(first.status(), 200);
    assert_eq!(second.status(), 200);
    let (first, second) = (body(first).await, body(second).await);
    for index in 0..300 {
        let (a, b) = (&first["results"][index], &second["results"][index]);
        let (winner, loser) = if a["status"] == "created" {
            (a, b)
        } else {
            (b, a)
        };
        assert_eq!(winner["status"], "created", "item {index}: {a} {b}");
        assert_eq!(loser["status"], "duplicate", "item {index}: {a} {b}");
        assert_eq!(loser["existing_case_id"], winner["case_id"], "item {index}");
    }
    let listed = body(app.get("/v1/cases?limit=500", &token).await).await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 300);
}
