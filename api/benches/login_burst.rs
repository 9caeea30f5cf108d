//! Memory and liveness under a burst of logins (issue 13): the release `solvo` binary as its own
//! process on a fresh SQLite database, then `SOLVO_BENCH_LOGINS` (default 500) concurrent logins
//! for unknown emails, each from its own loopback address so that the login throttle does not
//! stop them before their password is checked, while `/health/live` is asked every 100 ms.
//! Prints the answers, the server's resident memory before and its peak (`VmHWM`), and the
//! slowest liveness answer. Run with `cargo bench -p solvo-api --bench login_burst`.

#![expect(
    clippy::unwrap_used,
    reason = "a bench: a failure should stop it loudly"
)]

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

const PASSWORD: &str = "bench password 2026";

fn status_kib(child: &Child, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .unwrap()
}

#[tokio::main]
async fn main() {
    let logins: usize = std::env::var("SOLVO_BENCH_LOGINS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let binary = env!("CARGO_BIN_EXE_solvo");
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("solvo.db").display());
    let port = 18_000 + u16::try_from(std::process::id() % 1000).unwrap();
    let bootstrap = Command::new(binary)
        .args(["admin", "bootstrap", "--email", "admin@agency.example"])
        .env("DATABASE_URL", &database)
        .env("SOLVO_BOOTSTRAP_PASSWORD", PASSWORD)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(bootstrap.success());
    let mut server = Command::new(binary)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DATABASE_URL", &database)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..100 {
        if client
            .get(format!("{base}/health/live"))
            .send()
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let before = status_kib(&server, "VmRSS:");

    let started = Instant::now();
    let done = AtomicBool::new(false);
    let burst = async {
        let logins = (0..logins).map(|index| {
            let url = format!("{base}/v1/auth/token");
            async move {
                let octets = [
                    127,
                    1,
                    u8::try_from(index / 200).unwrap(),
                    u8::try_from(index % 200 + 1).unwrap(),
                ];
                let client = reqwest::Client::builder()
                    .local_address(IpAddr::from(octets))
                    .build()
                    .unwrap();
                let body = json!({"email": format!("nobody{index}@bench.example"), "password": "a wrong password"});
                match client.post(url).json(&body).send().await {
                    Ok(response) => response.status().as_u16().to_string(),
                    Err(err) => format!("error: {err}"),
                }
            }
        });
        let answers = futures_util::future::join_all(logins).await;
        done.store(true, Ordering::SeqCst);
        answers
    };
    let live = async {
        let (mut asked, mut answered, mut slowest) = (0, 0, Duration::ZERO);
        while !done.load(Ordering::SeqCst) {
            let sent = Instant::now();
            asked += 1;
            if client
                .get(format!("{base}/health/live"))
                .timeout(Duration::from_secs(10))
                .send()
                .await
                .is_ok_and(|response| response.status() == 200)
            {
                answered += 1;
            }
            slowest = slowest.max(sent.elapsed());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        (asked, answered, slowest)
    };
    let (answers, (asked, answered, slowest)) = tokio::join!(burst, live);
    let elapsed = started.elapsed();
    let peak = status_kib(&server, "VmHWM:");
    server.kill().unwrap();
    let _ = server.wait();

    let mut counts = BTreeMap::new();
    for answer in answers {
        *counts.entry(answer).or_insert(0) += 1;
    }
    println!(
        "{logins} concurrent logins in {:.1} s: {counts:?}",
        elapsed.as_secs_f64()
    );
    println!(
        "resident memory: {} MB before, {} MB peak",
        before / 1024,
        peak / 1024
    );
    println!(
        "/health/live during the burst: {answered} of {asked} answered 200, the slowest in {:.3} s",
        slowest.as_secs_f64()
    );
}
