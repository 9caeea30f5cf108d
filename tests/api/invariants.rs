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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use crate::arrangements::day;
use crate::both_backends;
use crate::helpers::{Backend, TestApp, body};
use crate::payments::{Parties, parties, place};
use crate::test_clock::{move_clock, spawn_with_test_clock};

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

/// What a step did, for the failure message.
#[derive(Debug, Clone)]
enum Step {
    Pay {
        case: usize,
        amount: String,
        value_date: NaiveDate,
    },
    Direct {
        case: usize,
        amount: String,
        value_date: NaiveDate,
    },
    Reverse {
        payment: String,
    },
    ReverseAgain {
        payment: String,
    },
    Refund {
        case: usize,
        amount: String,
    },
    Plan {
        case: usize,
        instalments: i64,
    },
    MoveClock {
        to: NaiveDate,
    },
    Remit {
        period_end: NaiveDate,
    },
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Pay {
                case,
                amount,
                value_date,
            } => write!(
                f,
                "agency payment of {amount} on case {case} value-dated {value_date}"
            ),
            Self::Direct {
                case,
                amount,
                value_date,
            } => write!(
                f,
                "direct payment of {amount} on case {case} value-dated {value_date}"
            ),
            Self::Reverse { payment } => write!(f, "reversal of {payment}"),
            Self::ReverseAgain { payment } => write!(f, "second reversal of {payment}"),
            Self::Refund { case, amount } => write!(f, "refund of {amount} on case {case}"),
            Self::Plan { case, instalments } => {
                write!(f, "plan of {instalments} weekly instalments on case {case}")
            }
            Self::MoveClock { to } => write!(f, "clock moved to {to}"),
            Self::Remit { period_end } => write!(f, "remittance run to {period_end}"),
        }
    }
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

    // ----------------------------------------------------------------------------------------
    // The steps.

    /// The body of a payment of `amount` on `case` (ES leaves the order open: give the legal one).
    fn payment_body(&self, case: usize, amount: &str, value_date: NaiveDate) -> Value {
        let mut payment =
            json!({"amount": amount, "value_date": value_date, "method": "bank_transfer"});
        if self.cases[case].country == "ES" {
            payment["allocation_order"] = json!(["interest", "costs", "principal"]);
        }
        payment
    }

    /// A random amount from 1.00 to 1.5 times what the case owes (up to 100.00 when nothing is).
    async fn random_amount(&self, rng: &mut Rng, case: usize) -> String {
        let owed = money(&self.balance(case).await["outstanding"]);
        let high = if owed > 0 { owed * 3 / 2 } else { 10_000 };
        decimal(rng.range(100, high.max(100)))
    }

    fn value_date(&self, rng: &mut Rng) -> NaiveDate {
        let start = day(START);
        let back = u64::try_from(rng.range(0, 3)).unwrap();
        (self.today - Days::new(back)).max(start)
    }

    async fn pay(&mut self, rng: &mut Rng, direct: bool) -> Step {
        let case = rng.below(self.cases.len());
        let amount = self.random_amount(rng, case).await;
        let value_date = self.value_date(rng);
        let step = if direct {
            Step::Direct {
                case,
                amount: amount.clone(),
                value_date,
            }
        } else {
            Step::Pay {
                case,
                amount: amount.clone(),
                value_date,
            }
        };
        self.begin(&step);
        let closed = self.state(case).await == "closed";
        let (path, token) = if direct {
            ("direct-payments", self.who.member.token.clone())
        } else {
            ("payments", self.who.collector.token.clone())
        };
        let response = self
            .app
            .post(
                &format!("/v1/cases/{}/{path}", self.cases[case].id),
                &token,
                &self.payment_body(case, &amount, value_date),
            )
            .await;
        if closed {
            self.refused(response, 409, Some("transition_refused"))
                .await;
        } else {
            let paid = self.succeeded(response, 201, "payment recorded").await;
            check_eq!(
                self,
                paid["received_by"].as_str(),
                Some(if direct { "creditor" } else { "agency" }),
                "received by"
            );
            check_eq!(self, money(&paid["amount"]), cents(&amount), "amount");
        }
        step
    }

    async fn reverse(&mut self, rng: &mut Rng) -> Step {
        let payments = self.all_payments().await;
        let (standing, reversed): (Vec<&Value>, Vec<&Value>) = payments
            .iter()
            .partition(|payment| payment["status"] == "received");
        if standing.is_empty() && reversed.is_empty() {
            return self.pay(rng, false).await;
        }
        // Mostly a standing payment; now and then one reversed already, which must be refused.
        let again = standing.is_empty() || (!reversed.is_empty() && rng.below(5) == 0);
        let pick = if again {
            reversed[rng.below(reversed.len())]
        } else {
            standing[rng.below(standing.len())]
        };
        let payment = pick["id"].as_str().unwrap().to_owned();
        let case = self
            .cases
            .iter()
            .position(|case| pick["case_id"] == case.id.as_str())
            .unwrap();
        let held = money(&self.balance(case).await["unapplied"]);
        let step = if again {
            Step::ReverseAgain {
                payment: payment.clone(),
            }
        } else {
            Step::Reverse {
                payment: payment.clone(),
            }
        };
        self.begin(&step);
        let response = self
            .app
            .post(
                &format!("/v1/payments/{payment}/reversal"),
                &self.app.admin_token,
                &json!({"reason": "Returned by the bank: AC04"}),
            )
            .await;
        if again {
            self.refused(response, 409, Some("conflict")).await;
        } else if left_credit(pick) > held {
            // The credit it left was refunded since: reversing it would return money twice.
            self.refused(response, 409, Some("credit_refunded")).await;
        } else {
            let reversed = self.succeeded(response, 200, "reversal").await;
            check_eq!(
                self,
                reversed["status"].as_str(),
                Some("reversed"),
                "status"
            );
        }
        step
    }

    async fn refund(&mut self, rng: &mut Rng) -> Step {
        let case = rng.below(self.cases.len());
        // Credit a direct payment left is the creditor's: the agency refunds only the rest.
        let direct: i64 = self
            .payments(case)
            .await
            .iter()
            .filter(|p| p["status"] == "received" && p["received_by"] == "creditor")
            .map(left_credit)
            .sum();
        let held = (money(&self.balance(case).await["unapplied"]) - direct).max(0);
        let too_much = held <= 0 || rng.below(4) == 0;
        let amount = if too_much {
            decimal(held.max(0) + 1)
        } else {
            decimal(rng.range(1, held))
        };
        let step = Step::Refund {
            case,
            amount: amount.clone(),
        };
        self.begin(&step);
        let response = self
            .app
            .post(
                &format!("/v1/cases/{}/refunds", self.cases[case].id),
                &self.app.admin_token,
                &json!({"amount": amount, "method": "bank_transfer", "reference": "RFD", "reason": "Overpayment returned"}),
            )
            .await;
        if too_much {
            self.refused(response, 422, Some("more_than_held")).await;
        } else {
            let refund = self.succeeded(response, 201, "refund").await;
            check_eq!(self, money(&refund["amount"]), cents(&amount), "refunded");
        }
        step
    }

    async fn plan(&mut self, rng: &mut Rng) -> Step {
        let case = rng.below(self.cases.len());
        let instalments = rng.range(1, 4);
        let step = Step::Plan { case, instalments };
        self.begin(&step);
        let id = self.cases[case].id.clone();
        let mut state = self.state(case).await;
        let assessment = json!({
            "approach": "Amicable: letter and calls; a short payment plan is acceptable",
            "expected_timeline": "6 to 8 weeks",
            "cost_structure": "15 % success commission; EUR 40 compensation recoverable",
            "findings": {"solvency": "good", "reachable": true, "notes": "Trading normally"}
        });
        let path = format!("/v1/cases/{id}/assessment");
        if state == "assessment" {
            let response = self
                .app
                .post(&path, &self.who.collector.token, &assessment)
                .await;
            let assessed = self.succeeded(response, 201, "assessment").await;
            check_eq!(
                self,
                assessed["case_state"].as_str(),
                Some("amicable"),
                "assessed"
            );
            state = "amicable".to_owned();
        } else if rng.below(3) == 0 {
            let response = self
                .app
                .post(&path, &self.who.collector.token, &assessment)
                .await;
            self.refused(response, 409, Some("transition_refused"))
                .await;
        }
        let owed = money(&self.balance(case).await["outstanding"]);
        let response = self
            .app
            .post(
                &format!("/v1/cases/{id}/payment-plans"),
                &self.who.collector.token,
                &json!({
                    "instalment_count": instalments,
                    "first_due_date": self.today + Days::new(7),
                    "frequency": "weekly"
                }),
            )
            .await;
        match state.as_str() {
            "amicable" | "pre_legal" if owed >= instalments => {
                let plan = self.succeeded(response, 201, "plan agreed").await;
                check_eq!(
                    self,
                    money(&plan["total"]),
                    owed,
                    "the plan's total is what is owed"
                );
                let sum: i64 = plan["instalments"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| money(&i["amount"]))
                    .sum();
                check_eq!(self, sum, owed, "the instalments add up to the total");
            }
            "amicable" | "pre_legal" => self.refused(response, 422, None).await,
            "closed" => self.refused(response, 409, Some("case_closed")).await,
            _ => {
                self.refused(response, 409, Some("transition_refused"))
                    .await;
            }
        }
        step
    }

    async fn move_clock(&mut self, rng: &mut Rng) -> Step {
        let to = self.today + Days::new(u64::try_from(rng.range(1, 10)).unwrap());
        let step = Step::MoveClock { to };
        self.begin(&step);
        move_clock(&self.app, to).await;
        self.today = to;
        step
    }

    async fn remit(&mut self) -> Step {
        let period_end = self.today;
        let step = Step::Remit { period_end };
        self.begin(&step);
        // What should be waiting: standing agency payments value-dated by the period end with no
        // payment line, and payments with a payment line reversed since and not clawed back.
        let lines = self.lines();
        let payments = self.all_payments().await;
        let waiting = payments.iter().any(|payment| {
            let id = payment["id"].as_str().unwrap();
            let remitted = lines.contains_key(&(id.to_owned(), "payment"));
            let clawed = lines.contains_key(&(id.to_owned(), "reversal"));
            let agency = payment["received_by"] == "agency";
            let standing = payment["status"] == "received";
            let dated: NaiveDate = payment["value_date"].as_str().unwrap().parse().unwrap();
            (agency && standing && !remitted && dated <= period_end)
                || (!standing && remitted && !clawed)
        });
        let response = self
            .app
            .post(
                "/v1/remittances",
                &self.app.admin_token,
                &json!({"organisation_id": self.who.member.organisation_id, "currency": "EUR", "period_end": period_end}),
            )
            .await;
        if !waiting {
            self.refused(response, 422, Some("nothing_to_remit")).await;
            return step;
        }
        let posted = self.succeeded(response, 201, "remittance run").await;
        let id = posted["id"].as_str().unwrap();
        let statement = self.get(&format!("/v1/remittances/{id}")).await;
        check_eq!(
            self,
            statement,
            posted,
            "the statement reads as it was answered"
        );
        self.statements.push(statement);
        // Right after a run to today, what stands remitted is every standing agency payment.
        let remitted = self.net_remitted();
        let expected: BTreeSet<String> = payments
            .iter()
            .filter(|payment| payment["received_by"] == "agency" && payment["status"] == "received")
            .map(|payment| payment["id"].as_str().unwrap().to_owned())
            .collect();
        check_eq!(
            self,
            remitted,
            expected,
            "after a run to {period_end} the standing agency payments are remitted"
        );
        step
    }

    // ----------------------------------------------------------------------------------------
    // The invariants.

    fn begin(&mut self, step: &Step) {
        let mut context = self
            .context
            .split(" [")
            .next()
            .unwrap_or_default()
            .to_owned();
        let _ = write!(context, " [{step}; today {}]", self.today);
        self.context = context;
    }

    /// Every statement line by `(payment id, kind)`, with its position `(statement, line)`.
    fn lines(&self) -> BTreeMap<(String, &'static str), (usize, usize, Value)> {
        let mut lines = BTreeMap::new();
        for (s, statement) in self.statements.iter().enumerate() {
            for (l, line) in statement["lines"].as_array().unwrap().iter().enumerate() {
                let kind = match line["kind"].as_str() {
                    Some("payment") => "payment",
                    Some("reversal") => "reversal",
                    other => panic!("{}: line kind {other:?}", self.context),
                };
                let key = (line["payment_id"].as_str().unwrap().to_owned(), kind);
                let previous = lines.insert(key.clone(), (s, l, line.clone()));
                check!(
                    self,
                    previous.is_none(),
                    "{key:?} appears twice in the statements"
                );
            }
        }
        lines
    }

    /// Payments with a payment line and no reversal line.
    fn net_remitted(&self) -> BTreeSet<String> {
        let lines = self.lines();
        lines
            .keys()
            .filter(|(id, kind)| {
                *kind == "payment" && !lines.contains_key(&(id.clone(), "reversal"))
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    async fn check_case(&self, case: usize) -> Vec<Value> {
        let label = format!("case {case} ({})", self.cases[case].country);
        let payments = self.payments(case).await;
        let refunds = self.refunds(case).await;
        let balance = self.balance(case).await;
        let standing: Vec<&Value> = payments
            .iter()
            .filter(|payment| payment["status"] == "received")
            .collect();

        // 1. Every cent received is allocated or held.
        for payment in &standing {
            let allocated: i64 = payment["allocation"]
                .as_array()
                .unwrap()
                .iter()
                .map(|line| money(&line["amount"]))
                .sum();
            check_eq!(
                self,
                money(&payment["amount"]),
                allocated + money(&payment["unapplied"]),
                "{label}: payment {} = allocation + unapplied",
                payment["id"]
            );
            check!(
                self,
                money(&payment["unapplied"]) >= 0,
                "{label}: payment {} holds a negative amount",
                payment["id"]
            );
            for line in payment["allocation"].as_array().unwrap() {
                check!(
                    self,
                    money(&line["amount"]) > 0,
                    "{label}: allocation line {line}"
                );
            }
        }
        let received: i64 = standing.iter().map(|p| money(&p["amount"])).sum();
        let held: i64 = standing.iter().map(|p| money(&p["unapplied"])).sum();
        let refunded: i64 = refunds.iter().map(|r| money(&r["amount"])).sum();
        check_eq!(
            self,
            money(&balance["unapplied"]),
            held - refunded,
            "{label}: balance unapplied = held by standing payments - refunds"
        );
        // 2. Paid.
        check_eq!(
            self,
            money(&balance["paid"]),
            received - refunded,
            "{label}: balance paid = standing payments - refunds"
        );
        // 3. Outstanding and the invoices.
        let parts = ["principal", "compensation", "costs"].map(|field| money(&balance[field]));
        let interest = money(&balance["interest"]["total"]);
        check_eq!(
            self,
            money(&balance["outstanding"]),
            parts.iter().sum::<i64>() + interest,
            "{label}: outstanding = principal + interest + compensation + costs"
        );
        let invoices = balance["invoices"].as_array().unwrap();
        for (field, total) in [
            ("principal", parts[0]),
            ("interest", interest),
            ("compensation", parts[1]),
            ("costs", parts[2]),
        ] {
            let sum: i64 = invoices.iter().map(|invoice| money(&invoice[field])).sum();
            check_eq!(
                self,
                sum,
                total,
                "{label}: invoices' {field} add up to the case's"
            );
        }
        // 5. Nothing negative that must not be.
        for (field, value) in [
            ("principal", parts[0]),
            ("interest", interest),
            ("compensation", parts[1]),
            ("costs", parts[2]),
            ("outstanding", money(&balance["outstanding"])),
            ("unapplied", money(&balance["unapplied"])),
            ("paid", money(&balance["paid"])),
        ] {
            check!(self, value >= 0, "{label}: {field} is negative: {balance}");
        }
        for invoice in invoices {
            for field in ["principal", "interest", "compensation", "costs"] {
                check!(
                    self,
                    money(&invoice[field]) >= 0,
                    "{label}: invoice {} {field} is negative: {balance}",
                    invoice["invoice_number"]
                );
            }
        }
        payments
    }

    fn check_statements(&self, payments: &[Value]) {
        let by_id: BTreeMap<&str, &Value> = payments
            .iter()
            .map(|payment| (payment["id"].as_str().unwrap(), payment))
            .collect();
        let lines = self.lines();
        let fields = [
            "amount",
            "principal",
            "interest",
            "costs",
            "unapplied",
            "commission",
            "net",
        ];
        for (s, statement) in self.statements.iter().enumerate() {
            let sum = |field: &str| -> i64 {
                statement["lines"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|line| money(&line[field]))
                    .sum()
            };
            let [collected, costs, unapplied, commission, net] =
                ["collected", "costs", "unapplied", "commission", "net"]
                    .map(|field| money(&statement[field]));
            check_eq!(
                self,
                collected,
                net + commission + costs + unapplied,
                "statement {s}: collected = net + commission + costs + unapplied"
            );
            check_eq!(
                self,
                [collected, costs, unapplied, commission, net],
                [
                    sum("amount"),
                    sum("costs"),
                    sum("unapplied"),
                    sum("commission"),
                    sum("net")
                ],
                "statement {s}: totals are the sums of its lines"
            );
            let period_end: NaiveDate = statement["period_end"].as_str().unwrap().parse().unwrap();
            for line in statement["lines"].as_array().unwrap() {
                let [
                    amount,
                    principal,
                    interest,
                    costs,
                    unapplied,
                    commission,
                    net,
                ] = fields.map(|field| money(&line[field]));
                check_eq!(
                    self,
                    amount,
                    principal + interest + costs + unapplied,
                    "statement {s}: line {line} adds up"
                );
                check_eq!(
                    self,
                    net,
                    principal + interest - commission,
                    "statement {s}: line {line} net"
                );
                let id = line["payment_id"].as_str().unwrap();
                let payment = by_id.get(id).unwrap_or_else(|| {
                    panic!(
                        "{}: statement {s} names an unknown payment {id}",
                        self.context
                    )
                });
                check_eq!(
                    self,
                    payment["received_by"].as_str(),
                    Some("agency"),
                    "statement {s}: only agency payments are remitted"
                );
                if line["kind"] == "payment" {
                    let dated: NaiveDate = payment["value_date"].as_str().unwrap().parse().unwrap();
                    check!(
                        self,
                        dated <= period_end,
                        "statement {s}: {id} is after the period"
                    );
                    let allocated = |accounts: &[&str]| -> i64 {
                        payment["allocation"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .filter(|a| accounts.contains(&a["account"].as_str().unwrap()))
                            .map(|a| money(&a["amount"]))
                            .sum()
                    };
                    check_eq!(
                        self,
                        [amount, principal, interest, costs, unapplied],
                        [
                            money(&payment["amount"]),
                            allocated(&["principal"]),
                            allocated(&["interest"]),
                            allocated(&["compensation", "costs"]),
                            money(&payment["unapplied"])
                        ],
                        "statement {s}: the line of {id} is split as the payment's allocation"
                    );
                } else {
                    check_eq!(
                        self,
                        payment["status"].as_str(),
                        Some("reversed"),
                        "statement {s}: a reversal line for {id}"
                    );
                    let (ps, pl, original) =
                        lines.get(&(id.to_owned(), "payment")).unwrap_or_else(|| {
                            panic!(
                                "{}: a reversal of {id} without its payment line",
                                self.context
                            )
                        });
                    check!(
                        self,
                        (*ps, *pl) < (s, 0),
                        "statement {s}: the reversal of {id} comes after its payment line"
                    );
                    check_eq!(
                        self,
                        [amount, principal, interest, costs, unapplied],
                        ["amount", "principal", "interest", "costs", "unapplied"]
                            .map(|field| -money(&original[field])),
                        "statement {s}: the reversal line of {id} negates its payment line"
                    );
                }
            }
        }
        // Over all statements: collected is what was remitted and not clawed back.
        let total: i64 = self.statements.iter().map(|s| money(&s["collected"])).sum();
        let remitted: i64 = self
            .net_remitted()
            .iter()
            .map(|id| money(&by_id[id.as_str()]["amount"]))
            .sum();
        check_eq!(
            self,
            total,
            remitted,
            "collected over all statements = the payments remitted and not clawed back"
        );
    }

    /// Invariant 6: one fee invoice over everything, then a credit note and a reissue.
    async fn invoice(&self) {
        let app = &self.app;
        let creditor = self.who.member.organisation_id.clone();
        for (organisation, details) in [
            (
                app.agency_id().await,
                json!({"legal_name": "Agency B.V.", "address_lines": ["Dam 1"], "vat_rate": "21"}),
            ),
            (
                creditor.clone(),
                json!({"legal_name": "Invariant GmbH", "address_lines": ["Ring 1"], "vat_id": "DE123456789"}),
            ),
        ] {
            let response = app
                .put(
                    &format!("/v1/organisations/{organisation}/billing"),
                    &app.admin_token,
                    &details,
                )
                .await;
            self.succeeded(response, 200, "billing details").await;
        }
        let mut fees = 0;
        for case in 0..self.cases.len() {
            fees += money(&self.balance(case).await["fees"]);
        }
        let withheld: BTreeMap<String, i64> = self
            .statements
            .iter()
            .filter(|statement| money(&statement["commission"]) != 0)
            .map(|statement| {
                (
                    statement["id"].as_str().unwrap().to_owned(),
                    money(&statement["commission"]),
                )
            })
            .collect();
        let standing_direct: BTreeSet<String> = self
            .all_payments()
            .await
            .iter()
            .filter(|p| p["received_by"] == "creditor" && p["status"] == "received")
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect();
        let request =
            json!({"organisation_id": creditor, "currency": "EUR", "period_end": self.today});
        let issue = || app.post("/v1/fee-invoices", &app.admin_token, &request);
        let invoice = self.succeeded(issue().await, 201, "fee invoice").await;
        let lines = invoice["lines"].as_array().unwrap();
        let sum = |source: &str| -> i64 {
            lines
                .iter()
                .filter(|line| line["source"] == source)
                .map(|line| money(&line["net"]))
                .sum()
        };
        check_eq!(
            self,
            sum("case_fee"),
            fees,
            "every fee posted is billed once"
        );
        let billed: BTreeMap<String, i64> = lines
            .iter()
            .filter(|line| line["source"] == "remittance_commission")
            .map(|line| {
                (
                    line["item"].as_str().unwrap().to_owned(),
                    money(&line["net"]),
                )
            })
            .collect();
        check_eq!(
            self,
            billed,
            withheld,
            "each statement's commission is billed once"
        );
        let items: Vec<&str> = lines
            .iter()
            .map(|line| line["item"].as_str().unwrap())
            .collect();
        let unique: BTreeSet<&str> = items.iter().copied().collect();
        check_eq!(self, unique.len(), items.len(), "an item is billed once");
        for line in lines
            .iter()
            .filter(|line| line["source"] == "direct_payment_commission")
        {
            let item = line["item"].as_str().unwrap();
            check!(
                self,
                standing_direct.contains(item),
                "{item} is a standing direct payment"
            );
        }
        let [net, vat, total, withheld_total, due] =
            ["net", "vat", "total", "withheld", "amount_due"].map(|field| money(&invoice[field]));
        check_eq!(
            self,
            net,
            lines.iter().map(|line| money(&line["net"])).sum::<i64>(),
            "net is the lines' sum"
        );
        check_eq!(
            self,
            vat,
            0,
            "a DE creditor of an NL agency is reverse-charged"
        );
        check_eq!(self, total, net + vat, "total = net + vat");
        check_eq!(
            self,
            withheld_total,
            sum("remittance_commission"),
            "withheld is the statements' commission"
        );
        check_eq!(
            self,
            due,
            total - withheld_total,
            "amount due = total - withheld"
        );
        self.refused(issue().await, 422, Some("nothing_to_invoice"))
            .await;

        let id = invoice["id"].as_str().unwrap();
        let note = app
            .post(
                &format!("/v1/fee-invoices/{id}/credit-note"),
                &app.admin_token,
                &json!({"reason": "Reissued"}),
            )
            .await;
        let note = self.succeeded(note, 201, "credit note").await;
        check_eq!(
            self,
            money(&note["amount_due"]),
            -due,
            "a credit note negates its invoice"
        );
        let reissued = self
            .succeeded(issue().await, 201, "reissued fee invoice")
            .await;
        let shape = |invoice: &Value| -> Vec<(String, String, i64)> {
            invoice["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|line| {
                    (
                        line["source"].as_str().unwrap().to_owned(),
                        line["item"].as_str().unwrap().to_owned(),
                        money(&line["net"]),
                    )
                })
                .collect()
        };
        check_eq!(
            self,
            shape(&reissued),
            shape(&invoice),
            "the reissue bills the same items"
        );
        check_eq!(
            self,
            money(&reissued["amount_due"]),
            due,
            "for the same figures"
        );
    }

    async fn check_all(&self) {
        let mut payments = Vec::new();
        for case in 0..self.cases.len() {
            payments.extend(self.check_case(case).await);
        }
        self.check_statements(&payments);
        let listed = self.get("/v1/remittances?limit=500").await;
        check_eq!(
            self,
            listed["data"].as_array().unwrap().len(),
            self.statements.len(),
            "every run is listed"
        );
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
