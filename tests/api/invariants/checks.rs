//! Invariants 1 to 5, checked after every step: what each case's payments, balance and
//! invoices say, and what the remittance statements say.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde_json::Value;

use super::{Scenario, Step, money};

impl Scenario {
    pub(super) fn begin(&mut self, step: &Step) {
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
    pub(super) fn lines(&self) -> BTreeMap<(String, &'static str), (usize, usize, Value)> {
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
    pub(super) fn net_remitted(&self) -> BTreeSet<String> {
        let lines = self.lines();
        lines
            .keys()
            .filter(|(id, kind)| {
                *kind == "payment" && !lines.contains_key(&(id.clone(), "reversal"))
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    pub(super) async fn check_case(&self, case: usize) -> Vec<Value> {
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

    pub(super) fn check_statements(&self, payments: &[Value]) {
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

    pub(super) async fn check_all(&self) {
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
