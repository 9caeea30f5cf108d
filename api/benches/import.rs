//! Import throughput: 100,000 invoice rows through `POST /v1/cases/import` on a real server, on
//! SQLite and (with `SOLVO_TEST_POSTGRES_URL`) PostgreSQL, next to the database's own bulk
//! loader (`sqlite3 .import`, `psql \copy`) loading the same file into a plain table in the same
//! run. Run with `cargo bench -p solvo-api --bench import`; `SOLVO_BENCH_ROWS` changes the size.
//!
//! The loaders only copy text into one table; the import validates every row, de-duplicates,
//! creates debtors, cases, invoices, ledger postings and timeline events, assigns collectors
//! and answers a result per row, so the ratio is the price of all that per row.
//!
//! Then, on the same server, a second import of the same size runs while another tenant
//! places single cases and logs in, one request after the other, until the import answers:
//! the slowest of those answers and the count of non-2xx ones are printed (the import commits
//! in chunks, so they should all succeed within a second).

#![expect(
    clippy::unwrap_used,
    reason = "a bench binary: a failure should stop it loudly"
)]
#![expect(
    clippy::cast_precision_loss,
    reason = "byte and row counts turned into printed rates and megabytes: far below 2^52"
)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use serde_json::{Value, json};
use solvo_api::{Application, ServerConfig};

mod support;

use support::{PASSWORD, login};

fn main() {
    solvo_api::telemetry::init_tracing(false);
    let rows: usize = std::env::var("SOLVO_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let csv_path = dir.path().join("invoices.csv");
    std::fs::write(&csv_path, make_csv(rows)).unwrap();
    let size = std::fs::metadata(&csv_path).unwrap().len();
    println!("{rows} invoice rows, {:.1} MB CSV\n", size as f64 / 1e6);
    println!(
        "{:<12} {:>22} {:>12} {:>22} {:>12} {:>8}",
        "backend", "solvo import", "rows/s", "native loader", "rows/s", "ratio"
    );

    let sqlite_url = format!("sqlite://{}", dir.path().join("solvo.db").display());
    let (solvo, sqlite_contention) = import_through_api(&sqlite_url, &csv_path);
    let native = sqlite_native(&dir.path().join("raw.db"), &csv_path);
    report("SQLite", rows, solvo, "sqlite3 .import", native);
    let stored: u64 = ["solvo.db", "solvo.db-wal"]
        .iter()
        .filter_map(|name| std::fs::metadata(dir.path().join(name)).ok())
        .map(|meta| meta.len())
        .sum();
    let raw = std::fs::metadata(dir.path().join("raw.db")).map_or(0, |meta| meta.len());
    println!(
        "{:<12} {:.1} MB stored (database and WAL, two imports) against {:.1} MB for the plain table",
        "",
        stored as f64 / 1e6,
        raw as f64 / 1e6
    );
    report_contention("SQLite", rows, &sqlite_contention);

    if let Ok(admin) = std::env::var("SOLVO_TEST_POSTGRES_URL") {
        let name = format!("solvo_bench_{}", std::process::id());
        solvo_persistence::connection::init_postgres_client();
        let mut conn = PgConnection::establish(&admin).unwrap();
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .unwrap();
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .unwrap();
        let url = solvo_persistence::connection::postgres_url_with_database(&admin, &name);
        let (solvo, contention) = import_through_api(&url, &csv_path);
        let native = postgres_native(&url, &csv_path);
        report("PostgreSQL", rows, solvo, "psql \\copy", native);
        report_contention("PostgreSQL", rows, &contention);
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .unwrap();
    } else {
        println!("PostgreSQL   skipped: set SOLVO_TEST_POSTGRES_URL");
    }
}

fn report(backend: &str, rows: usize, solvo: Duration, loader: &str, native: Option<Duration>) {
    let rate = |d: Duration| rows as f64 / d.as_secs_f64();
    match native {
        Some(native) => println!(
            "{backend:<12} {:>20.2} s {:>12.0} {:>14} {:>5.2} s {:>12.0} {:>7.1}x",
            solvo.as_secs_f64(),
            rate(solvo),
            loader,
            native.as_secs_f64(),
            rate(native),
            rate(native) / rate(solvo)
        ),
        None => println!(
            "{backend:<12} {:>20.2} s {:>12.0} {:>14} unavailable",
            solvo.as_secs_f64(),
            rate(solvo),
            loader
        ),
    }
}

/// Debtors repeat (a creditor's customers owe several invoices), cases carry one to three
/// invoices, amounts and dates vary.
fn make_csv(rows: usize) -> String {
    let mut out = String::with_capacity(rows * 130);
    out.push_str("creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount\n");
    let mut written = 0;
    let mut case = 0;
    while written < rows {
        let debtor = case % 5_000;
        let per_case = case % 3 + 1;
        for invoice in 0..per_case {
            if written == rows {
                break;
            }
            let day = 1 + (written % 28);
            let _ = writeln!(
                out,
                "CASE-{case:07},Debtor {debtor:05} GmbH,DE,DE{:09},EUR,INV-{written:08},2025-03-{day:02},2025-04-{day:02},{}.{:02}",
                100_000_000 + debtor,
                50 + (written * 37) % 9_950,
                written % 100
            );
            written += 1;
            let _ = invoice;
        }
        case += 1;
    }
    out
}

/// A running server with an agency admin, on a fresh database.
struct Server {
    base: String,
    client: reqwest::Client,
    admin: String,
}

/// Starts a server on `database_url`; keep the runtime alive while using it.
async fn start(database_url: &str) -> Server {
    let mut config = ServerConfig::for_database(database_url);
    config.max_body_bytes = 1024 * 1024;
    let app = Application::build(config).await.unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let url = database_url.to_owned();
    tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        solvo_api::bootstrap::bootstrap(
            &mut conn,
            "admin@agency.example",
            PASSWORD,
            "Bench Agency",
            "NL",
        )
        .unwrap();
    })
    .await
    .unwrap();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_hours(1))
        .build()
        .unwrap();
    let admin = login(&client, &base, "admin@agency.example").await;
    Server {
        base,
        client,
        admin,
    }
}

/// A new creditor with a member, logged in: (email, token).
async fn creditor(server: &Server, name: &str) -> (String, String) {
    let Server {
        base,
        client,
        admin,
    } = server;
    let creditor: Value = client
        .post(format!("{base}/v1/organisations"))
        .bearer_auth(admin)
        .json(&json!({"name": name, "kind": "creditor", "country": "NL"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let email = format!("member@{}.example", name.to_lowercase().replace(' ', "-"));
    client
        .post(format!("{base}/v1/users"))
        .bearer_auth(admin)
        .json(&json!({"email": email, "password": PASSWORD, "role": "creditor_member", "organisation_id": creditor["id"]}))
        .send()
        .await
        .unwrap();
    let token = login(client, base, &email).await;
    (email, token)
}

/// Imports the file as `token`'s creditor; the time to the answer.
async fn import(server: &Server, token: &str, body: Vec<u8>) -> Duration {
    let started = Instant::now();
    let response = server
        .client
        .post(format!("{}/v1/cases/import", server.base))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let outcome: Value = response.json().await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(
        outcome["summary"]["rows_rejected"], 0,
        "{}",
        outcome["summary"]
    );
    elapsed
}

/// What the other tenant saw during an import.
struct Contention {
    import: Duration,
    requests: usize,
    failed: usize,
    slowest: Duration,
    slowest_what: &'static str,
}

/// The import, and meanwhile another creditor placing cases and logging in by turns.
async fn import_while_writing(server: &Server, body: Vec<u8>) -> Contention {
    let (_, importer) = creditor(server, "Importing Creditor").await;
    let (email, other) = creditor(server, "Other Creditor").await;
    let running = {
        let server = Server {
            base: server.base.clone(),
            client: server.client.clone(),
            admin: String::new(),
        };
        tokio::spawn(async move { import(&server, &importer, body).await })
    };
    let mut seen = Contention {
        import: Duration::ZERO,
        requests: 0,
        failed: 0,
        slowest: Duration::ZERO,
        slowest_what: "",
    };
    let client = &server.client;
    let base = &server.base;
    for round in 0..1_000_000 {
        if running.is_finished() {
            break;
        }
        let (what, request) = if round % 2 == 0 {
            let case = json!({
                "debtor": {"legal_name": "Initech BV", "vat_id": "NL123456789B01", "country": "NL"},
                "currency": "EUR",
                "creditor_reference": format!("OTHER-{round}"),
                "invoices": [{"number": format!("OTHER-INV-{round}"), "issue_date": "2025-03-01", "due_date": "2025-04-01", "amount": "120.00"}]
            });
            (
                "placement",
                client
                    .post(format!("{base}/v1/cases"))
                    .bearer_auth(&other)
                    .json(&case),
            )
        } else {
            (
                "login",
                client
                    .post(format!("{base}/v1/auth/token"))
                    .json(&json!({"email": email, "password": PASSWORD})),
            )
        };
        let started = Instant::now();
        let status = request.send().await.unwrap().status();
        let elapsed = started.elapsed();
        seen.requests += 1;
        if !status.is_success() {
            seen.failed += 1;
        }
        if elapsed > seen.slowest {
            seen.slowest = elapsed;
            seen.slowest_what = what;
        }
    }
    seen.import = running.await.unwrap();
    seen
}

fn report_contention(backend: &str, rows: usize, seen: &Contention) {
    println!(
        "{backend:<12} import of {rows} rows while another tenant writes: {:.2} s; {} placements and logins meanwhile, {} not 2xx, slowest {:.0} ms ({})",
        seen.import.as_secs_f64(),
        seen.requests,
        seen.failed,
        seen.slowest.as_secs_f64() * 1e3,
        seen.slowest_what
    );
}

/// Throughput on a fresh server, then the import while another tenant writes.
fn import_through_api(database_url: &str, csv_path: &Path) -> (Duration, Contention) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let server = start(database_url).await;
        let (_, member) = creditor(&server, "Bench Creditor").await;
        let body = std::fs::read(csv_path).unwrap();
        let alone = import(&server, &member, body.clone()).await;
        let contention = import_while_writing(&server, body).await;
        (alone, contention)
    })
}

const RAW_TABLE: &str = "CREATE TABLE raw (creditor_reference TEXT, debtor_legal_name TEXT, debtor_country TEXT, \
    debtor_vat_id TEXT, currency TEXT, invoice_number TEXT, issue_date TEXT, due_date TEXT, amount TEXT)";

fn sqlite_native(db: &Path, csv_path: &Path) -> Option<Duration> {
    Command::new("sqlite3")
        .arg(db)
        .arg(RAW_TABLE)
        .status()
        .ok()?
        .success()
        .then_some(())?;
    let import = format!(".import --skip 1 {} raw", csv_path.display());
    let started = Instant::now();
    let status = Command::new("sqlite3")
        .arg("-csv")
        .arg(db)
        .arg(import)
        .status()
        .ok()?;
    status.success().then(|| started.elapsed())
}

fn postgres_native(url: &str, csv_path: &Path) -> Option<Duration> {
    let mut conn = PgConnection::establish(url).ok()?;
    diesel::sql_query(RAW_TABLE).execute(&mut conn).ok()?;
    let started = Instant::now();
    let copy = format!(
        "\\copy raw FROM '{}' WITH (FORMAT csv, HEADER true)",
        csv_path.display()
    );
    let status = Command::new("psql")
        .arg(url)
        .arg("-qc")
        .arg(copy)
        .status()
        .ok()?;
    status.success().then(|| started.elapsed())
}
