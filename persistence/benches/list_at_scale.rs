//! Case-list latency at scale: a generated book of 1,000,000 cases (`SOLVO_BENCH_CASES` changes
//! it) with a quarter as many debtors, written straight into a fresh database in SQL, then
//! every list shape of `shapes::shapes` run many times, with its median and 99th percentile
//! next to its target. SQLite always; PostgreSQL too when `SOLVO_TEST_POSTGRES_URL` is set, in
//! a database of its own that is dropped afterwards. Run with
//! `cargo bench -p solvo-persistence --bench list_at_scale`.

#![expect(
    clippy::unwrap_used,
    reason = "a bench binary: a failure should stop it loudly"
)]

#[path = "list_at_scale/scratch.rs"]
mod scratch;
#[path = "list_at_scale/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;

use scratch::Scratch;
use solvo_persistence::repositories::cases;

/// Runs of each shape, after a few to warm the caches.
const RUNS: usize = 200;
const WARM_UP: usize = 5;

fn main() {
    let size: u64 = std::env::var("SOLVO_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    println!(
        "{size} cases, {} debtors; {RUNS} runs of each shape\n",
        scratch::debtors(size)
    );
    bench("SQLite", &Scratch::sqlite(), size);
    if let Some(scratch) = Scratch::postgres() {
        bench("PostgreSQL", &scratch, size);
    }
}

fn bench(backend: &str, scratch: &Scratch, size: u64) {
    let started = Instant::now();
    scratch.fill(size);
    println!(
        "{backend}: generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if std::env::var_os("SOLVO_BENCH_OLD_INDEXES").is_some() {
        // The indexes of `cases` before migration 000022, for a before/after comparison.
        let mut conn = scratch.pool.get().unwrap();
        conn.batch_execute(shapes::OLD_INDEXES).unwrap();
        if scratch.backend == solvo_persistence::Backend::Postgres {
            conn.batch_execute("DROP INDEX debtors_legal_name_trgm; ANALYZE;")
                .unwrap();
        }
        println!("(with the indexes from before migration 000022)");
    }
    println!(
        "{:<28} {:>8} {:>6} {:>10} {:>10} {:>8}  ok",
        "shape", "kind", "rows", "median", "p99", "target"
    );
    let mut conn = scratch.pool.get().unwrap();
    for shape in shapes::shapes(size) {
        let mut rows = 0;
        for _ in 0..WARM_UP {
            rows = cases::list(&mut conn, &shape.filter, &shape.page)
                .unwrap()
                .items
                .len();
        }
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                cases::list(&mut conn, &shape.filter, &shape.page).unwrap();
                start.elapsed()
            })
            .collect();
        times.sort();
        let median = times[RUNS / 2];
        let p99 = times[RUNS * 99 / 100];
        println!(
            "{:<28} {:>8} {rows:>6} {:>8.2}ms {:>8.2}ms {:>6}ms  {}",
            shape.name,
            format!("{:?}", shape.kind),
            ms(median),
            ms(p99),
            shape.target.as_millis(),
            if p99 <= shape.target { "yes" } else { "NO" }
        );
        if std::env::var_os("SOLVO_BENCH_PLANS").is_some() {
            for line in cases::explain(&mut conn, &shape.filter, &shape.page).unwrap() {
                println!("      {line}");
            }
        }
    }
    println!();
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}
