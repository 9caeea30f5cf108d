//! Requests per second of the release server under `wrk -t2 -c64`, each beside the ceiling of the
//! framework measured in the same run: actix-web answering a static 1.3 KB JSON document on the
//! same machine. Run with `cargo bench -p solvo-api --bench http` (needs `wrk` on the PATH:
//! `apt-get install wrk`); `SOLVO_TEST_POSTGRES_URL` adds PostgreSQL, `SOLVO_BENCH_SECONDS`
//! changes each run's length (default 10), `SOLVO_BENCH_CASES` the book placed first (2,000) and
//! `SOLVO_BENCH_BINARY` the server binary (another build, to compare two).
//!
//! The server is the `solvo` binary in its own process, authenticated by an API key as an ERP
//! would be, so its resident memory (the kernel's high-water mark, `VmHWM`) is its own. Ratios,
//! not absolute figures, are what compare across machines and runs: the ceiling moves with the
//! machine's load, so every figure is divided by a ceiling measured right before it.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a bench binary: a failure should stop it loudly"
)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use actix_web::{App, HttpResponse, HttpServer, web};
use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use serde_json::{Value, json};

mod support;

use support::{PASSWORD, login};
/// The server under test: this build's, or another (`SOLVO_BENCH_BINARY`) to compare builds.
fn solvo() -> String {
    std::env::var("SOLVO_BENCH_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_solvo").to_owned())
}

/// One measured load: what `wrk` printed of it.
struct Measured {
    requests_per_second: f64,
    non_2xx: u64,
    errors: u64,
}

fn main() {
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("wrk is not on the PATH: install it (apt-get install wrk) and run again");
        std::process::exit(2);
    }
    let seconds: u64 = env_number("SOLVO_BENCH_SECONDS", 10);
    let cases: usize = env_number("SOLVO_BENCH_CASES", 2_000);
    let dir = tempfile::tempdir().unwrap();
    let ceiling_port = start_static_server();

    let sqlite_url = format!("sqlite://{}", dir.path().join("solvo.db").display());
    run_backend(
        "SQLite",
        &sqlite_url,
        dir.path(),
        ceiling_port,
        seconds,
        cases,
    );

    if let Ok(admin) = std::env::var("SOLVO_TEST_POSTGRES_URL") {
        let name = format!("solvo_http_bench_{}", std::process::id());
        solvo_persistence::connection::init_postgres_client();
        let mut conn = PgConnection::establish(&admin).unwrap();
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .unwrap();
        let url = solvo_persistence::connection::postgres_url_with_database(&admin, &name);
        run_backend("PostgreSQL", &url, dir.path(), ceiling_port, seconds, cases);
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .unwrap();
    } else {
        println!("\nPostgreSQL: skipped (set SOLVO_TEST_POSTGRES_URL)");
    }
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The framework's ceiling: actix-web with its default workers (one per core), one route that
/// answers the same 1.3 KB JSON body, no middleware, no database.
fn start_static_server() -> u16 {
    let body: &'static str = Box::leak(static_document().into_boxed_str());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || {
                App::new().route(
                    "/static",
                    web::get().to(move || async move {
                        HttpResponse::Ok()
                            .content_type("application/json")
                            .body(body)
                    }),
                )
            })
            .listen(listener)
            .unwrap()
            .run()
            .await
            .unwrap();
        });
    });
    wait_until_up(&format!("http://127.0.0.1:{port}/static"));
    port
}

/// A case-sized JSON document (about 1.3 KB), so the ceiling pays for the same bytes on the wire.
fn static_document() -> String {
    let invoices: Vec<Value> = (0..6)
        .map(|i| json!({"id": format!("inv_{i:026}"), "number": format!("INV-2026-{i:05}"), "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": {"amount": "1000.00", "currency": "EUR"}}))
        .collect();
    json!({"id": "cas_0000000000000000000000000", "state": "assessment", "debtor": {"legal_name": "Globex GmbH", "country": "DE"}, "invoices": invoices})
        .to_string()
}

fn wait_until_up(url: &str) {
    let deadline = Instant::now() + Duration::from_mins(1);
    while Instant::now() < deadline {
        let ok = Command::new("curl")
            .args(["-sf", "-o", "/dev/null", url])
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{url} did not come up");
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// The server's peak resident memory so far, in MB (`VmHWM` of `/proc/<pid>/status`).
    fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<f64>()
                    .ok()
            })
            .map_or(0.0, |kb| kb / 1024.0)
    }

    /// Starts the peak over from the present size (Linux's `clear_refs` 5), so that the load
    /// that seeded the book is reported apart from the runs.
    fn reset_peak(&self) {
        if let Err(err) = std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5") {
            println!("(the peak could not be reset, {err}: the runs' peak includes the seeding)");
        }
    }
}

fn start_solvo(database_url: &str, dir: &Path) -> Server {
    let env = |cmd: &mut Command| {
        // The defaults a new user gets, the request log at `info` included (into a file here).
        cmd.env("DATABASE_URL", database_url).env(
            "SOLVO_JWT_SECRET",
            "bench-secret-bench-secret-bench-secret-0123",
        );
    };
    let mut bootstrap = Command::new(solvo());
    env(&mut bootstrap);
    let status = bootstrap
        .args(["admin", "bootstrap", "--email", "admin@agency.example"])
        .env("SOLVO_BOOTSTRAP_PASSWORD", PASSWORD)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "bootstrap failed");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = std::fs::File::create(dir.join(format!("server-{port}.log"))).unwrap();
    let mut serve = Command::new(solvo());
    env(&mut serve);
    let child = serve
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    wait_until_up(&format!("{base}/health/ready"));
    Server { child, base }
}

/// A creditor with an API key and `cases` placed cases; returns the key and one case id.
fn seed(base: &str, cases: usize) -> (String, String) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let admin = login(&client, base, "admin@agency.example").await;
        let creditor = post(&client, base, "/v1/organisations", &admin, &json!({"name": "Bench Creditor GmbH", "kind": "creditor", "country": "DE"})).await;
        post(&client, base, "/v1/users", &admin, &json!({"email": "finance@creditor.example", "password": PASSWORD, "role": "creditor_admin", "organisation_id": creditor["id"]})).await;
        let member = login(&client, base, "finance@creditor.example").await;
        let key = post(&client, base, "/v1/api-keys", &member, &json!({"name": "ERP"})).await;
        let key = key["secret"].as_str().expect("the API key's secret").to_owned();
        let mut first = None;
        for chunk in (0..cases).collect::<Vec<_>>().chunks(1_000) {
            let items: Vec<Value> = chunk.iter().map(|&i| case_body(&format!("SEED-{i:07}"), i)).collect();
            let answer = post(&client, base, "/v1/cases/bulk", &key, &Value::Array(items)).await;
            first = first.or_else(|| answer["results"][0]["case_id"].as_str().map(ToOwned::to_owned));
        }
        (key, first.expect("a placed case"))
    })
}

fn case_body(reference: &str, i: usize) -> Value {
    json!({
        "debtor": {"legal_name": format!("Debtor {:04} GmbH", i % 500), "vat_id": format!("DE{:09}", 100_000_000 + i % 500), "country": "DE"},
        "currency": "EUR",
        "creditor_reference": reference,
        "invoices": [
            {"number": format!("{reference}-1"), "issue_date": "2025-01-05", "due_date": "2025-02-04", "amount": "1000.00"},
            {"number": format!("{reference}-2"), "issue_date": "2025-03-05", "due_date": "2025-04-04", "amount": "250.50"}
        ]
    })
}

async fn post(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    token: &str,
    body: &Value,
) -> Value {
    let response = client
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(status.is_success(), "POST {path}: {status} {body}");
    body
}

/// `wrk -t2 -c64` for `seconds` against `url`, with the API key and, for writes, a Lua script.
fn wrk(url: &str, key: Option<&str>, script: Option<&Path>, seconds: u64) -> Measured {
    let mut cmd = Command::new("wrk");
    cmd.args(["-t2", "-c64", &format!("-d{seconds}s"), "--latency"]);
    if let Some(key) = key {
        cmd.args(["-H", &format!("Authorization: Bearer {key}")]);
    }
    if let Some(script) = script {
        cmd.arg("-s").arg(script);
    }
    let output = cmd.arg(url).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    let word_after = |label: &str| -> Option<&str> {
        let line = text.lines().find(|l| l.trim_start().starts_with(label))?;
        line.trim_start()[label.len()..].split_whitespace().next()
    };
    let errors = text
        .lines()
        .find(|l| l.trim_start().starts_with("Socket errors:"))
        .map_or(0, |line| {
            line.split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse::<u64>().ok())
                .sum()
        });
    Measured {
        requests_per_second: word_after("Requests/sec:")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("wrk said: {text}")),
        non_2xx: word_after("Non-2xx or 3xx responses:")
            .and_then(|n| n.parse().ok())
            .unwrap_or(0),
        errors,
    }
}

/// A Lua script for `wrk` that places a new case per request, each with its own reference.
fn placement_script(dir: &Path) -> PathBuf {
    let path = dir.join("place.lua");
    let template = case_body("REF", 0).to_string();
    let script = format!(
        r#"wrk.headers["Content-Type"] = "application/json"
local counter = 0
local template = [[{template}]]
setup = function(thread) thread:set("tag", tostring(math.random(1, 1000000000))) end
request = function()
  counter = counter + 1
  local body = string.gsub(template, "REF", "WRK-" .. tag .. "-" .. counter)
  -- No headers here: a table would replace the API key `-H` put into wrk.headers.
  return wrk.format("POST", "/v1/cases", nil, body)
end
"#
    );
    std::fs::write(&path, script).unwrap();
    path
}

fn run_backend(
    backend: &str,
    database_url: &str,
    dir: &Path,
    ceiling_port: u16,
    seconds: u64,
    cases: usize,
) {
    let server = start_solvo(database_url, dir);
    let (key, case_id) = seed(&server.base, cases);
    let seeding_peak = server.peak_rss_mb();
    server.reset_peak();
    let base = &server.base;
    let place = placement_script(dir);
    println!("\n{backend}: wrk -t2 -c64 -d{seconds}s, {cases} cases placed first, API key");
    println!(
        "{:<34} {:>10} {:>8} {:>8} {:>10}",
        "request", "req/s", "ratio", "non-2xx", "ceiling"
    );
    // The ceiling is measured again right before each request: on a shared machine it moves by
    // a third within a minute, and a ratio to a ceiling measured minutes earlier moved with it.
    let ceiling = || {
        wrk(
            &format!("http://127.0.0.1:{ceiling_port}/static"),
            None,
            None,
            seconds,
        )
    };
    let row = |name: &str, m: &Measured, ceiling: &Measured| {
        // A ceiling that failed requests would skew the ratio it divides.
        assert_eq!(
            ceiling.non_2xx + ceiling.errors,
            0,
            "the static ceiling answered errors"
        );
        println!(
            "{name:<34} {:>10.0} {:>8.3} {:>8} {:>10.0}",
            m.requests_per_second,
            m.requests_per_second / ceiling.requests_per_second,
            m.non_2xx + m.errors,
            ceiling.requests_per_second
        );
    };
    // The readiness probe is one database round trip without authentication: on PostgreSQL it
    // bounds what any request that reads the database can reach on this machine.
    let runs: [(&str, String, Option<&Path>); 7] = [
        ("GET /health/live", format!("{base}/health/live"), None),
        ("GET /health/ready", format!("{base}/health/ready"), None),
        ("GET /v1/me", format!("{base}/v1/me"), None),
        (
            "GET /v1/cases/{id}",
            format!("{base}/v1/cases/{case_id}"),
            None,
        ),
        (
            "GET /v1/cases/{id}/balance",
            format!("{base}/v1/cases/{case_id}/balance"),
            None,
        ),
        (
            "GET /v1/cases?limit=50",
            format!("{base}/v1/cases?limit=50"),
            None,
        ),
        (
            "POST /v1/cases (place)",
            base.clone(),
            Some(place.as_path()),
        ),
    ];
    for (name, url, script) in runs {
        let beside = ceiling();
        let measured = wrk(&url, Some(&key), script, seconds);
        row(name, &measured, &beside);
    }
    println!(
        "{:<34} {:>10.0} MB",
        "server peak memory, seeding", seeding_peak
    );
    println!(
        "{:<34} {:>10.0} MB",
        "server peak memory, the runs",
        server.peak_rss_mb()
    );
}
