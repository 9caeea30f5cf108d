//! Bulk placement and CSV import commit in chunks (here of three cases, so that a small request
//! spans several): results per row as in one transaction, duplicates found inside and across
//! chunks, replays answering the same, a retry after a failure or a crash between chunks
//! resuming without placing a case twice, and other tenants writing while an import runs.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use reqwest::Response;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, InvoiceRequest, PASSWORD, TestApp, body, execute_sql, spawn_app_with,
};

both_backends!(
    a_csv_import_larger_than_a_chunk_keeps_each_case_whole,
    duplicates_are_found_inside_and_across_chunks,
    an_idempotent_replay_of_a_chunked_import_answers_the_same,
    a_retry_after_a_failure_between_chunks_resumes_and_answers_the_same,
    a_retry_after_a_crash_waits_for_the_dead_runs_lease_then_resumes,
    another_tenant_places_and_logs_in_while_an_import_runs,
);

const CHUNK: usize = 3;
const HEADER: &str = "creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount\n";

async fn chunked_app(backend: Backend, chunk: usize) -> TestApp {
    spawn_app_with(backend, |config| config.import_chunk_cases = chunk).await
}

async fn member(app: &TestApp, name: &str) -> String {
    let creditor = app.create_creditor(name).await;
    app.create_user(&creditor, "creditor_member").await.token
}

/// Case `R-i` with `i % 3 + 1` invoice rows, debtors shared by every fifth case.
fn csv(cases: usize) -> String {
    let mut out = HEADER.to_owned();
    for case in 0..cases {
        for invoice in 0..=case % 3 {
            writeln!(
                out,
                "R-{case},Debtor {} GmbH,DE,DE{:09},EUR,INV-{case}-{invoice},2026-01-05,2026-02-04,{}.50",
                case % 5,
                100_000_000 + case % 5,
                10 + case
            )
            .unwrap();
        }
    }
    out
}

async fn import(app: &TestApp, token: &str, csv: &str, key: Option<&str>) -> Response {
    let mut request = app
        .client
        .post(app.url("/v1/cases/import"))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(csv.to_owned());
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

/// Every case id the creditor has, read page by page.
async fn stored_case_ids(app: &TestApp, token: &str) -> BTreeSet<String> {
    let listed = body(app.get("/v1/cases?limit=500", token).await).await;
    listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["id"].as_str().unwrap().to_owned())
        .collect()
}

fn created_ids(outcome: &Value) -> BTreeSet<String> {
    outcome["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| row["case_id"].as_str().map(ToOwned::to_owned))
        .collect()
}

async fn a_csv_import_larger_than_a_chunk_keeps_each_case_whole(backend: Backend) {
    let app = chunked_app(backend, CHUNK).await;
    let token = member(&app, "Acme").await;
    let cases = 3 * CHUNK + 2;
    let response = import(&app, &token, &csv(cases), None).await;
    assert_eq!(response.status(), 200);
    let outcome = body(response).await;
    let rows: usize = (0..cases).map(|case| case % 3 + 1).sum();
    assert_eq!(
        outcome["summary"],
        json!({"rows": rows, "cases_created": cases, "rows_created": rows, "rows_duplicate": 0, "rows_rejected": 0})
    );
    for case in 0..cases {
        let ids: BTreeSet<&str> = outcome["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|row| row["creditor_reference"] == format!("R-{case}"))
            .map(|row| row["case_id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 1, "the rows of R-{case} are one case: {ids:?}");
    }
    let placed = created_ids(&outcome);
    assert_eq!(placed.len(), cases);
    assert_eq!(stored_case_ids(&app, &token).await, placed);
    let last = outcome["results"][rows - 1]["case_id"].as_str().unwrap();
    let case = body(app.get(&format!("/v1/cases/{last}"), &token).await).await;
    assert_eq!(
        case["debtor"]["legal_name"],
        format!("Debtor {} GmbH", (cases - 1) % 5)
    );
}

fn item(reference: &str, invoice: &str) -> Value {
    CaseRequest::new(reference)
        .invoice(InvoiceRequest::new(invoice, "10.00", "2026-02-04"))
        .json()
}

async fn duplicates_are_found_inside_and_across_chunks(backend: Backend) {
    let app = chunked_app(backend, CHUNK).await;
    let token = member(&app, "Acme").await;
    let items = json!([
        item("B-0", "I-0"),
        item("B-1", "I-1"),
        item("B-0", "I-2"),
        item("B-3", "I-3"),
        item("B-4", "I-4"),
        item("B-1", "I-5"),
        item("B-6", "I-4"),
    ]);
    let response = app.post("/v1/cases/bulk", &token, &items).await;
    assert_eq!(response.status(), 200);
    let outcome = body(response).await;
    assert_eq!(
        outcome["summary"],
        json!({"received": 7, "created": 4, "duplicate": 3, "rejected": 0})
    );
    let results = &outcome["results"];
    assert_eq!(results[2]["status"], "duplicate", "inside the first chunk");
    assert_eq!(results[2]["existing_case_id"], results[0]["case_id"]);
    assert_eq!(
        results[5]["status"], "duplicate",
        "a reference across chunks"
    );
    assert_eq!(results[5]["existing_case_id"], results[1]["case_id"]);
    assert_eq!(
        results[6]["status"], "duplicate",
        "an invoice across chunks"
    );
    assert_eq!(results[6]["existing_case_id"], results[4]["case_id"]);

    let file = format!(
        "{HEADER}C-0,Globex GmbH,DE,DE123456789,EUR,I-0,2026-01-05,2026-02-04,1.00\n\
         C-1,Globex GmbH,DE,DE123456789,EUR,J-1,2026-01-05,2026-02-04,1.00\n\
         C-2,Globex GmbH,DE,DE123456789,EUR,J-2,2026-01-05,2026-02-04,1.00\n\
         C-3,Globex GmbH,DE,DE123456789,EUR,J-1,2026-01-05,2026-02-04,1.00\n"
    );
    let outcome = body(import(&app, &token, &file, None).await).await;
    let statuses: Vec<&str> = outcome["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["duplicate", "created", "created", "duplicate"]);
    assert_eq!(
        outcome["results"][0]["existing_case_id"],
        results[0]["case_id"]
    );
    assert_eq!(
        outcome["results"][3]["existing_case_id"],
        outcome["results"][1]["case_id"]
    );
}

async fn an_idempotent_replay_of_a_chunked_import_answers_the_same(backend: Backend) {
    let app = chunked_app(backend, CHUNK).await;
    let token = member(&app, "Acme").await;
    let file = csv(2 * CHUNK + 1);
    let first = import(&app, &token, &file, Some("import-1")).await;
    assert_eq!(first.status(), 200);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first = body(first).await;
    let again = import(&app, &token, &file, Some("import-1")).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(body(again).await, first);
    assert_eq!(stored_case_ids(&app, &token).await, created_ids(&first));
    let other = import(&app, &token, &csv(1), Some("import-1")).await;
    assert_eq!(other.status(), 422, "the key with another file");
}

/// SQL that makes inserting the case `R-7` fail, on `backend`.
fn failing_case_insert(backend: Backend) -> Vec<String> {
    match backend {
        Backend::Sqlite => vec![
            "CREATE TRIGGER fail_case BEFORE INSERT ON cases WHEN NEW.creditor_reference = 'R-7' \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
                .to_owned(),
        ],
        Backend::Postgres => vec![
            "CREATE FUNCTION fail_case() RETURNS trigger AS $$ BEGIN \
             IF NEW.creditor_reference = 'R-7' THEN RAISE EXCEPTION 'injected failure'; END IF; \
             RETURN NEW; END $$ LANGUAGE plpgsql"
                .to_owned(),
            "CREATE TRIGGER fail_case BEFORE INSERT ON cases \
             FOR EACH ROW EXECUTE FUNCTION fail_case()"
                .to_owned(),
        ],
    }
}

/// The run stops in its third chunk (cases 6 to 8) as a crash would: the first two chunks
/// stay committed. The retry with the key places only the rest and answers the case ids the
/// first run placed; without the key those would be reported as duplicates.
async fn a_retry_after_a_failure_between_chunks_resumes_and_answers_the_same(backend: Backend) {
    let app = chunked_app(backend, CHUNK).await;
    let token = member(&app, "Acme").await;
    let file = csv(3 * CHUNK + 1);
    execute_sql(&app.database_url, failing_case_insert(backend)).await;
    let failed = import(&app, &token, &file, Some("resume-1")).await;
    assert_eq!(failed.status(), 500, "the injected failure");
    let committed = stored_case_ids(&app, &token).await;
    assert_eq!(
        committed.len(),
        2 * CHUNK,
        "the chunks before the failure stay"
    );

    let drop = match backend {
        Backend::Sqlite => vec!["DROP TRIGGER fail_case".to_owned()],
        Backend::Postgres => vec!["DROP TRIGGER fail_case ON cases".to_owned()],
    };
    execute_sql(&app.database_url, drop).await;
    let retried = import(&app, &token, &file, Some("resume-1")).await;
    assert_eq!(retried.status(), 200);
    assert!(retried.headers().get("idempotent-replayed").is_none());
    let retried = body(retried).await;
    assert_eq!(
        retried["summary"]["cases_created"],
        3 * CHUNK + 1,
        "{}",
        retried["summary"]
    );
    assert_eq!(retried["summary"]["rows_duplicate"], 0);
    let answered = created_ids(&retried);
    assert!(
        committed.is_subset(&answered),
        "the placed cases keep their ids"
    );
    assert_eq!(
        stored_case_ids(&app, &token).await,
        answered,
        "none placed twice"
    );

    let replay = import(&app, &token, &file, Some("resume-1")).await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(body(replay).await, retried);
    let unkeyed = body(import(&app, &token, &file, None).await).await;
    assert_eq!(unkeyed["summary"]["cases_created"], 0);
    assert_eq!(
        unkeyed["summary"]["rows_duplicate"],
        retried["summary"]["rows"]
    );
}

/// A run killed between chunks cannot let its lease lapse as a failing one does: its claim
/// stays on the key, leased into the future. Here the failed run's claim is put back as a crash
/// leaves it (another owner, leased for three more seconds of real time). A retry with the key
/// neither answers for it nor takes it over while the lease runs; once it has lapsed the retry
/// resumes, places only the rest and answers the ids the dead run placed.
async fn a_retry_after_a_crash_waits_for_the_dead_runs_lease_then_resumes(backend: Backend) {
    let app = chunked_app(backend, CHUNK).await;
    let token = member(&app, "Acme").await;
    let file = csv(3 * CHUNK + 1);
    execute_sql(&app.database_url, failing_case_insert(backend)).await;
    let failed = import(&app, &token, &file, Some("crash-1")).await;
    assert_eq!(failed.status(), 500, "the injected failure");
    let committed = stored_case_ids(&app, &token).await;
    assert_eq!(committed.len(), 2 * CHUNK);
    let (drop, leased) = match backend {
        Backend::Sqlite => (
            "DROP TRIGGER fail_case",
            "UPDATE idempotency_keys SET claimed_by = 'run_killed', \
             lease_until = strftime('%Y-%m-%d %H:%M:%f', 'now', '+3 seconds') \
             WHERE idempotency_key LIKE '%:crash-1'",
        ),
        Backend::Postgres => (
            "DROP TRIGGER fail_case ON cases",
            "UPDATE idempotency_keys SET claimed_by = 'run_killed', \
             lease_until = (now() AT TIME ZONE 'UTC') + interval '3 seconds' \
             WHERE idempotency_key LIKE '%:crash-1'",
        ),
    };
    execute_sql(&app.database_url, vec![drop.to_owned(), leased.to_owned()]).await;
    let held = crate::helpers::count(
        &app.database_url,
        "SELECT COUNT(*) AS count FROM idempotency_keys WHERE claimed_by = 'run_killed'",
    )
    .await;
    assert_eq!(held, 1, "the claim is left as a killed run leaves it");

    // A lower bound, not a speed: taking the key over before the lease ends would be the bug.
    let started = std::time::Instant::now();
    let retried = import(&app, &token, &file, Some("crash-1")).await;
    let waited = started.elapsed();
    assert_eq!(retried.status(), 200);
    assert!(
        waited >= std::time::Duration::from_secs(2),
        "the retry took the key over after {waited:?}, inside the dead run's lease"
    );
    let retried = body(retried).await;
    assert_eq!(retried["summary"]["cases_created"], 3 * CHUNK + 1);
    let answered = created_ids(&retried);
    assert!(
        committed.is_subset(&answered),
        "the placed cases keep their ids"
    );
    assert_eq!(
        stored_case_ids(&app, &token).await,
        answered,
        "none placed twice"
    );
    let replay = import(&app, &token, &file, Some("crash-1")).await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(body(replay).await, retried);
}

/// While one creditor's import commits chunk after chunk, another creditor places cases and
/// its user logs in: each answer is a success (before chunking, SQLite answered them 503 once
/// the import had held the write lock past the busy timeout).
async fn another_tenant_places_and_logs_in_while_an_import_runs(backend: Backend) {
    let app = chunked_app(backend, 10).await;
    let token = member(&app, "Acme").await;
    let other_org = app.create_creditor("Other").await;
    let other = app.create_user(&other_org, "creditor_member").await;
    let file = csv(2_000);
    let running = {
        let (client, url, token) = (
            app.client.clone(),
            app.url("/v1/cases/import"),
            token.clone(),
        );
        tokio::spawn(async move {
            client
                .post(url)
                .bearer_auth(token)
                .header("content-type", "text/csv")
                .body(file)
                .send()
                .await
                .unwrap()
                .status()
        })
    };
    let mut during = 0;
    let mut failures = Vec::new();
    for round in 0..1_000 {
        if running.is_finished() {
            break;
        }
        let placed = app
            .post(
                "/v1/cases",
                &other.token,
                &item(&format!("O-{round}"), &format!("OI-{round}")),
            )
            .await
            .status();
        let login = app
            .request(
                reqwest::Method::POST,
                "/v1/auth/token",
                None,
                Some(&json!({"email": other.email, "password": PASSWORD})),
            )
            .await
            .status();
        for status in [placed, login] {
            if !status.is_success() {
                failures.push(status);
            }
        }
        if !running.is_finished() {
            during += 1;
        }
    }
    assert_eq!(running.await.unwrap(), 200);
    assert!(failures.is_empty(), "answers other than 2xx: {failures:?}");
    assert!(during > 0, "the other tenant wrote while the import ran");
}
