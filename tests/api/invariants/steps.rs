//! The steps of the scenario: each draws its figures from the seed, sends one request and says
//! what it did; a refused step must get its documented 4xx.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use super::{Rng, START, Scenario, cents, decimal, left_credit, money};
use crate::arrangements::day;
use crate::helpers::PaymentRequest;
use crate::test_clock::move_clock;

/// What a step did, for the failure message.
#[derive(Debug, Clone)]
pub(super) enum Step {
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

impl Scenario {
    /// The body of a payment of `amount` on `case` (ES leaves the order open: give the legal one).
    pub(super) fn payment_body(&self, case: usize, amount: &str, value_date: NaiveDate) -> Value {
        let mut payment = PaymentRequest::transfer(amount, value_date.to_string()).json();
        if self.cases[case].country == "ES" {
            payment["allocation_order"] = json!(["interest", "costs", "principal"]);
        }
        payment
    }

    /// A random amount from 1.00 to 1.5 times what the case owes (up to 100.00 when nothing is).
    pub(super) async fn random_amount(&self, rng: &mut Rng, case: usize) -> String {
        let owed = money(&self.balance(case).await["outstanding"]);
        let high = if owed > 0 { owed * 3 / 2 } else { 10_000 };
        decimal(rng.range(100, high.max(100)))
    }

    pub(super) fn value_date(&self, rng: &mut Rng) -> NaiveDate {
        let start = day(START);
        let back = u64::try_from(rng.range(0, 3)).unwrap();
        (self.today - Days::new(back)).max(start)
    }

    pub(super) async fn pay(&mut self, rng: &mut Rng, direct: bool) -> Step {
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

    pub(super) async fn reverse(&mut self, rng: &mut Rng) -> Step {
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

    pub(super) async fn refund(&mut self, rng: &mut Rng) -> Step {
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

    pub(super) async fn plan(&mut self, rng: &mut Rng) -> Step {
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
            "amicable".clone_into(&mut state);
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

    pub(super) async fn move_clock(&mut self, rng: &mut Rng) -> Step {
        let to = self.today + Days::new(u64::try_from(rng.range(1, 10)).unwrap());
        let step = Step::MoveClock { to };
        self.begin(&step);
        move_clock(&self.app, to).await;
        self.today = to;
        step
    }

    pub(super) async fn remit(&mut self) -> Step {
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
}
