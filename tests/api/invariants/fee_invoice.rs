//! Invariant 6, at the end: one fee invoice over everything, then a credit note and a reissue.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::{Scenario, money};
use crate::helpers::BillingRequest;

impl Scenario {
    /// Invariant 6: one fee invoice over everything, then a credit note and a reissue.
    pub(super) async fn invoice(&self) {
        let app = &self.app;
        let creditor = self.who.member.organisation_id.clone();
        for (organisation, details) in [
            (
                app.agency_id().await,
                BillingRequest::new("Agency B.V.", &["Dam 1"]).vat_rate("21"),
            ),
            (
                creditor.clone(),
                BillingRequest::new("Invariant GmbH", &["Ring 1"]).vat_id("DE123456789"),
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
}
