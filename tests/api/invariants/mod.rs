//! Invariants (issue 8, point 11): a randomised but reproducible scenario of payments, direct
//! payments, reversals, refunds, payment plans, clock moves and remittance runs on three cases
//! (DE; NL with two invoices due the same day; ES), their invoices due in 2025 so that
//! interest runs (up to the last reference rate the binary knows; the clock starts in 2030), checked after every step through the API
//! only, with amounts compared as integer cents:
//!
//! 1. every cent received is allocated or held: each standing payment's `amount` is the sum of
//!    its `allocation` plus its `unapplied`, and the balance's `unapplied` is what the standing
//!    payments hold less what was refunded;
//! 2. the balance's `paid` is what the standing payments brought less what was refunded;
//! 3. `outstanding` is principal + interest + compensation + costs, and the invoices add up to
//!    the case's figures;
//! 4. remittances: a payment has at most one `payment` line and at most one `reversal` line,
//!    the reversal after the payment; every line and statement adds up to the cent
//!    (`collected = net + commission + costs + unapplied`); a payment line is an agency payment
//!    value-dated by the statement's period end, split exactly as its allocation; the `collected`
//!    of all statements is the amount of the payments remitted and not clawed back; and right
//!    after each run (with `period_end` today) those are exactly the agency's standing payments;
//! 5. nothing that must not be negative is: principal, interest, compensation, costs and
//!    outstanding of the case and of each invoice, held credit and paid;
//! 6. at the end, a fee invoice bills every fee posted on the cases once, the commission of
//!    every statement that withheld any once (and exactly what the statements withheld), and
//!    each standing direct payment at most once; it adds up (`amount_due = net + vat -
//!    withheld`); nothing is left to bill after it; and a credit note followed by a new invoice
//!    bills the same items for the same figures.
//!
//! Refused steps must get their documented 4xx, never a 5xx. A failure prints the seed, the step
//! number and the step; `SOLVO_INVARIANTS_SEED=<seed>` replays it (decimal or `0x` hex).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::Value;

use crate::arrangements::day;
use crate::both_backends;
use crate::helpers::{Backend, TestApp, body};
use crate::payments::{Parties, parties, place};
use crate::test_clock::{move_clock, spawn_with_test_clock};
use steps::Step;

both_backends!(random_money_movements_keep_the_books_balanced);

/// The default seed; the scenario is the same on every run and on both backends.
const SEED: u64 = 0x5017_0008_0011;
/// Steps per run.
const STEPS: usize = 40;
/// The day the test clock starts on.
const START: &str = "2030-01-07";

/// xorshift64*: tiny, deterministic, good enough to pick steps.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `low..=high` (`low <= high`).
    fn range(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low).unwrap() + 1;
        low + i64::try_from(self.next() % span).unwrap()
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }
}

fn seed() -> u64 {
    match std::env::var("SOLVO_INVARIANTS_SEED") {
        Ok(text) if !text.is_empty() => text
            .strip_prefix("0x")
            .map_or_else(|| text.parse(), |hex| u64::from_str_radix(hex, 16))
            .expect("SOLVO_INVARIANTS_SEED is a number"),
        _ => SEED,
    }
}

/// The credit a payment left on the case, in cents.
fn left_credit(payment: &Value) -> i64 {
    money(&payment["unapplied"])
}

/// Integer cents of a decimal string with two decimals (`"-500.00"` is -50000).
fn cents(text: &str) -> i64 {
    let (negative, digits) = text
        .strip_prefix('-')
        .map_or((false, text), |rest| (true, rest));
    let (units, fraction) = digits.split_once('.').expect("two decimals");
    assert_eq!(fraction.len(), 2, "two decimals in {text}");
    let value = units.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap();
    if negative { -value } else { value }
}

/// Cents of a money view `{"amount": "…", "currency": "EUR"}`.
fn money(value: &Value) -> i64 {
    cents(
        value["amount"]
            .as_str()
            .unwrap_or_else(|| panic!("a money view: {value}")),
    )
}

fn decimal(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

/// One case of the scenario.
struct Case {
    id: String,
    country: &'static str,
}

struct Scenario {
    app: TestApp,
    who: Parties,
    cases: Vec<Case>,
    today: NaiveDate,
    /// Statements fetched so far, oldest first (a statement never changes).
    statements: Vec<Value>,
    /// The replay context of the current step.
    context: String,
}

/// Asserts with the seed, the step number and the step in the message.
macro_rules! check {
    ($scenario:expr, $condition:expr, $($message:tt)+) => {
        assert!($condition, "{}: {}", $scenario.context, format!($($message)+))
    };
}

macro_rules! check_eq {
    ($scenario:expr, $left:expr, $right:expr, $($message:tt)+) => {{
        let (left, right) = (&$left, &$right);
        assert!(
            left == right,
            "{}: {}: {:?} != {:?}",
            $scenario.context,
            format!($($message)+),
            left,
            right
        )
    }};
}

mod checks;
mod fee_invoice;
mod steps;

impl Scenario {
    async fn get(&self, path: &str) -> Value {
        let response = self.app.get(path, &self.app.admin_token).await;
        let status = response.status().as_u16();
        let value = body(response).await;
        check!(self, status == 200, "GET {path} answered {status}: {value}");
        value
    }

    async fn state(&self, case: usize) -> String {
        let case = self
            .get(&format!("/v1/cases/{}", self.cases[case].id))
            .await;
        case["state"].as_str().unwrap().to_owned()
    }

    async fn balance(&self, case: usize) -> Value {
        self.get(&format!("/v1/cases/{}/balance", self.cases[case].id))
            .await
    }

    async fn payments(&self, case: usize) -> Vec<Value> {
        let page = self
            .get(&format!(
                "/v1/cases/{}/payments?limit=500",
                self.cases[case].id
            ))
            .await;
        check!(self, page["next_cursor"].is_null(), "one page of payments");
        page["data"].as_array().unwrap().clone()
    }

    async fn all_payments(&self) -> Vec<Value> {
        let mut all = Vec::new();
        for case in 0..self.cases.len() {
            all.extend(self.payments(case).await);
        }
        all
    }

    async fn refunds(&self, case: usize) -> Vec<Value> {
        let page = self
            .get(&format!(
                "/v1/cases/{}/refunds?limit=500",
                self.cases[case].id
            ))
            .await;
        check!(self, page["next_cursor"].is_null(), "one page of refunds");
        page["data"].as_array().unwrap().clone()
    }

    /// Asserts a problem with `status` (and `code` among the problem's code or its fields'
    /// codes, when given).
    async fn refused(&self, response: reqwest::Response, status: u16, code: Option<&str>) {
        let got = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|value| value.to_str().unwrap().to_owned());
        let problem = body(response).await;
        check_eq!(
            self,
            got,
            status,
            "refused with the documented status: {problem}"
        );
        check_eq!(
            self,
            content_type.as_deref(),
            Some("application/problem+json"),
            "a problem"
        );
        if let Some(code) = code {
            let mut codes = vec![problem["code"].as_str().unwrap_or_default().to_owned()];
            for error in problem["errors"].as_array().into_iter().flatten() {
                codes.push(error["code"].as_str().unwrap_or_default().to_owned());
            }
            check!(
                self,
                codes.iter().any(|c| c == code),
                "refused with `{code}`: {problem}"
            );
        }
    }

    /// Asserts `status` (a success) and returns the body.
    async fn succeeded(&self, response: reqwest::Response, status: u16, what: &str) -> Value {
        let got = response.status().as_u16();
        let value = body(response).await;
        check_eq!(self, got, status, "{what}: {value}");
        value
    }
}

async fn random_money_movements_keep_the_books_balanced(backend: Backend) {
    let seed = seed();
    let mut rng = Rng::new(seed);
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, day(START)).await;
    let who = parties(&app, "Invariant GmbH").await;
    let token = who.member.token.clone();
    let de = place(
        &app,
        &token,
        "INV-DE",
        "DE",
        &[("DE-1", "2025-10-20", "1000.00")],
    )
    .await;
    let nl = place(
        &app,
        &token,
        "INV-NL",
        "NL",
        &[
            ("NL-1", "2025-11-15", "700.00"),
            ("NL-2", "2025-11-15", "450.50"),
        ],
    )
    .await;
    let es = place(
        &app,
        &token,
        "INV-ES",
        "ES",
        &[
            ("ES-1", "2025-10-15", "800.00"),
            ("ES-2", "2025-12-01", "300.00"),
        ],
    )
    .await;
    let mut scenario = Scenario {
        app,
        who,
        cases: vec![
            Case {
                id: de,
                country: "DE",
            },
            Case {
                id: nl,
                country: "NL",
            },
            Case {
                id: es,
                country: "ES",
            },
        ],
        today: day(START),
        statements: Vec::new(),
        context: String::new(),
    };
    scenario.context = format!("seed {seed:#x} ({backend:?}) after placement");
    scenario.check_all().await;
    let mut steps = Vec::new();
    for number in 1..=STEPS {
        scenario.context = format!("seed {seed:#x} ({backend:?}) step {number}/{STEPS}");
        let step = match rng.below(100) {
            0..30 => scenario.pay(&mut rng, false).await,
            30..38 => scenario.pay(&mut rng, true).await,
            38..52 => scenario.reverse(&mut rng).await,
            52..64 => scenario.refund(&mut rng).await,
            64..76 => scenario.plan(&mut rng).await,
            76..88 => scenario.move_clock(&mut rng).await,
            _ => scenario.remit().await,
        };
        scenario.check_all().await;
        steps.push(step);
    }
    scenario.context = format!("seed {seed:#x} ({backend:?}) fee invoice at the end");
    scenario.invoice().await;
    // The default scenario must exercise every kind of step, or it proves little (a replayed
    // seed need not).
    let kinds: BTreeSet<&str> = steps
        .iter()
        .map(|step| match step {
            Step::Pay { .. } => "pay",
            Step::Direct { .. } => "direct",
            Step::Reverse { .. } | Step::ReverseAgain { .. } => "reverse",
            Step::Refund { .. } => "refund",
            Step::Plan { .. } => "plan",
            Step::MoveClock { .. } => "clock",
            Step::Remit { .. } => "remit",
        })
        .collect();
    assert!(
        seed != SEED || kinds.len() == 7,
        "seed {seed:#x}: every kind of step ran: {kinds:?}"
    );
}
