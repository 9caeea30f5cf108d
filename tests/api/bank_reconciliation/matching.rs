//! Statements and notifications built here: cases paid by their RF reference, a statement booked
//! once, a return found by amount and reference, an oversized file refused.

use serde_json::{Value, json};

use super::{
    COLLECTION_IBAN, balance, detail, entry, import, listed, mistyped, paper, payer, payments_of,
    statement, structured, text, unstructured, with_collection_account,
};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app_with};

both_backends!(
    a_statement_pays_placed_cases_by_rf_and_a_return_reverses_one,
    a_statement_is_booked_once_and_a_retry_with_its_key_is_replayed,
    a_return_on_a_later_statement_is_found_by_amount_and_reference,
    a_notification_pays_like_a_statement_and_an_oversized_file_is_refused,
);

async fn a_statement_pays_placed_cases_by_rf_and_a_return_reverses_one(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Reco GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let a = app.place_case(&member.token, "RECO-A").await;
    let b = app.place_case(&member.token, "RECO-B").await;
    let c = app.place_case(&member.token, "RECO-C").await;
    let d = app.place_case(&member.token, "RECO-D").await;
    let rf = |case: &Value| text(&case["rf_reference"]).to_owned();
    let xml = statement(
        "STMT-1",
        COLLECTION_IBAN,
        &format!(
            "{}{}",
            balance("OPBD", "1000.00"),
            balance("CLBD", "1500.00")
        ),
        &[
            entry(
                "250.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("Globex GmbH", "DE44500105175407324931"),
                    structured(&rf(&a))
                ))],
            ),
            // A batch of two: one paid with the paper form in the free text, one structured.
            entry(
                "400.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[
                    detail(&format!(
                        r#"<Amt Ccy="EUR">150.00</Amt>{}"#,
                        unstructured(&["Invoice payment", &paper(&rf(&b))])
                    )),
                    detail(&format!(
                        r#"<Refs><EndToEndId>E2E-C-1</EndToEndId></Refs><Amt Ccy="EUR">250.00</Amt>{}"#,
                        structured(&rf(&c))
                    )),
                ],
            ),
            entry(
                "100.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&structured(&mistyped(&rf(&d))))],
            ),
            entry(
                "80.00",
                "USD",
                "CRDT",
                "BOOK",
                &[detail(&structured(&rf(&b)))],
            ),
            // The bank returns case C's payment.
            entry(
                "250.00",
                "EUR",
                "DBIT",
                "BOOK",
                &[detail(
                    "<Refs><EndToEndId>E2E-C-1</EndToEndId></Refs><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>",
                )],
            ),
            entry(
                "60.00",
                "EUR",
                "CRDT",
                "PDNG",
                &[detail(&structured(&rf(&a)))],
            ),
        ],
    );

    let response = import(&app, &app.admin_token, &xml, None).await;
    assert_eq!(response.status(), 201);
    let imported = body(response).await;

    assert_eq!(imported["message_type"], "camt.053.001.08");
    assert_eq!(imported["message_id"], "MSG-STMT-1");
    assert_eq!(imported["statement_id"], "STMT-1");
    assert_eq!(imported["account"]["iban"], COLLECTION_IBAN);
    assert_eq!(imported["collection_account"], true);
    assert_eq!(imported["currency"], "EUR");
    assert_eq!(
        imported["opening_balance"],
        json!({"amount": "1000.00", "currency": "EUR"})
    );
    assert_eq!(imported["closing_balance"]["amount"], "1500.00");
    assert_eq!(imported["entry_count"], 6);
    let tx = imported["transactions"].as_array().unwrap();
    assert_eq!(tx.len(), 7, "six entries, one of them a batch of two");
    let status: Vec<&str> = tx.iter().map(|t| text(&t["status"])).collect();
    assert_eq!(
        status,
        [
            "matched",
            "matched",
            "matched",
            "unmatched",
            "review",
            "matched",
            "ignored"
        ]
    );

    assert_eq!(tx[0]["match_method"], "structured_rf");
    assert_eq!(tx[0]["case_id"], a["id"]);
    assert_eq!(tx[0]["counterparty_name"], "Globex GmbH");
    assert_eq!(tx[1]["match_method"], "text_rf");
    assert_eq!(tx[1]["case_id"], b["id"]);
    assert_eq!(tx[1]["amount"]["amount"], "150.00");
    assert_eq!(
        tx[1]["remittance_text"],
        format!("Invoice payment {}", paper(&rf(&b)))
    );
    assert_eq!(tx[2]["case_id"], c["id"]);
    assert_eq!(tx[2]["end_to_end_id"], "E2E-C-1");
    // The mistyped reference is never trusted.
    assert!(tx[3]["case_id"].is_null());
    assert_eq!(tx[3]["matches"], json!([]));
    assert!(
        text(&tx[3]["status_reason"]).contains("check digits"),
        "{}",
        tx[3]
    );
    // Dollars for a euro case wait for a person: never converted.
    assert_eq!(tx[4]["candidate_case_id"], b["id"]);
    assert!(text(&tx[4]["status_reason"]).contains("USD"));
    assert!(tx[4]["payment_id"].is_null());
    // The return reverses the payment of the credit with its end-to-end id.
    assert_eq!(tx[5]["direction"], "debit");
    assert_eq!(tx[5]["match_method"], "return");
    assert_eq!(tx[5]["reverses_transaction_id"], tx[2]["id"]);
    assert_eq!(tx[5]["payment_id"], tx[2]["payment_id"]);
    assert_eq!(tx[5]["return_reasons"], json!(["AC04"]));
    assert_eq!(tx[6]["entry_status"], "PDNG");

    let paid_a = payments_of(&app, &member.token, text(&a["id"])).await;
    assert_eq!(
        paid_a.len(),
        1,
        "the pending entry is not booked: {paid_a:?}"
    );
    assert_eq!(paid_a[0]["id"], tx[0]["payment_id"]);
    assert_eq!(paid_a[0]["amount"]["amount"], "250.00");
    assert_eq!(paid_a[0]["value_date"], "2026-11-30");
    assert_eq!(paid_a[0]["received_by"], "agency");
    assert_eq!(paid_a[0]["status"], "received");
    assert_eq!(paid_a[0]["bank_reference"], rf(&a).as_str());
    let paid_b = payments_of(&app, &member.token, text(&b["id"])).await;
    assert_eq!(paid_b.len(), 1, "the dollars are not booked");
    assert_eq!(paid_b[0]["amount"]["amount"], "150.00");
    let paid_c = payments_of(&app, &member.token, text(&c["id"])).await;
    assert_eq!(paid_c.len(), 1);
    assert_eq!(paid_c[0]["status"], "reversed");
    assert!(text(&paid_c[0]["reversal"]["reason"]).contains("AC04"));
    assert!(
        payments_of(&app, &member.token, text(&d["id"]))
            .await
            .is_empty()
    );
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline", text(&c["id"])),
            &member.token,
        )
        .await,
    )
    .await;
    let kinds: Vec<&str> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| text(&event["kind"]))
        .collect();
    // Each step leads back to its statement line.
    assert!(
        kinds.ends_with(&[
            "record_payment",
            "bank_transaction_matched",
            "payment_reversed",
            "bank_transaction_returned"
        ]),
        "{kinds:?}"
    );
    let returned = timeline["data"].as_array().unwrap().last().unwrap();
    let detail = &returned["detail"];
    assert_eq!(detail["bank_transaction_id"], tx[5]["id"], "{returned}");
    assert_eq!(detail["returned_transaction_id"], tx[2]["id"]);

    // Ordinary agency payments: confirmed by webhook event and remitted like any other.
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let mut confirmed: Vec<Value> = Vec::new();
    for _ in 0..250 {
        let feed = body(
            app.get("/v1/events?types=payment.received&limit=500", &admin.token)
                .await,
        )
        .await;
        confirmed = feed["data"].as_array().cloned().unwrap_or_default();
        if confirmed.len() >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let confirmed: Vec<&Value> = confirmed
        .iter()
        .map(|event| &event["data"]["payment"]["id"])
        .collect();
    assert_eq!(
        confirmed,
        [
            &tx[0]["payment_id"],
            &tx[1]["payment_id"],
            &tx[2]["payment_id"]
        ]
    );
    let remittance = app
        .post(
            "/v1/remittances",
            &app.admin_token,
            &json!({"organisation_id": creditor, "currency": "EUR", "period_end": "2026-11-30"}),
        )
        .await;
    assert_eq!(remittance.status(), 201);
    let remittance = body(remittance).await;
    let remitted: Vec<&Value> = remittance["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|line| line["kind"] == "payment")
        .map(|line| &line["payment_id"])
        .collect();
    assert!(remitted.contains(&&tx[0]["payment_id"]), "{remittance}");
    assert!(remitted.contains(&&tx[1]["payment_id"]), "{remittance}");

    assert_eq!(listed(&app, "matched").await.len(), 4);
    assert_eq!(listed(&app, "review").await.len(), 1);
    assert_eq!(listed(&app, "unmatched").await.len(), 1);
    assert_eq!(listed(&app, "ignored").await.len(), 1);

    // The same statement again is told, not booked.
    let again = import(&app, &app.admin_token, &xml, None).await;
    let problem = assert_problem(again, 409).await;
    assert_eq!(problem["code"], "statement_already_imported");
    assert_eq!(problem["existing_statement_id"], imported["id"]);
    assert_eq!(
        payments_of(&app, &member.token, text(&a["id"])).await.len(),
        1
    );
}

async fn a_statement_is_booked_once_and_a_retry_with_its_key_is_replayed(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Retry GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "RETRY-1").await;
    let xml = statement(
        "STMT-KEY",
        COLLECTION_IBAN,
        "",
        &[entry(
            "75.00",
            "EUR",
            "CRDT",
            "BOOK",
            &[detail(&structured(text(&case["rf_reference"])))],
        )],
    );
    let first = import(&app, &app.admin_token, &xml, Some("statement-key-1")).await;
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    let retry = import(&app, &app.admin_token, &xml, Some("statement-key-1")).await;
    assert_eq!(retry.status(), 201);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(body(retry).await["id"], first["id"]);
    let without_key = import(&app, &app.admin_token, &xml, None).await;
    assert_eq!(
        assert_problem(without_key, 409).await["code"],
        "statement_already_imported"
    );
    let paid = payments_of(&app, &member.token, text(&case["id"])).await;
    assert_eq!(paid.len(), 1, "booked once: {paid:?}");
    assert_eq!(paid[0]["amount"]["amount"], "75.00");
}

async fn a_return_on_a_later_statement_is_found_by_amount_and_reference(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Later GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "LATER-1").await;
    let rf = text(&case["rf_reference"]).to_owned();
    let paid = statement(
        "STMT-DAY-1",
        COLLECTION_IBAN,
        "",
        &[entry(
            "90.00",
            "EUR",
            "CRDT",
            "BOOK",
            &[detail(&structured(&rf))],
        )],
    );
    let first = body(import(&app, &app.admin_token, &paid, None).await).await;
    assert_eq!(first["transactions"][0]["status"], "matched");
    // The next day's statement: the bank takes the money back, with no end-to-end id, naming
    // the reference and the return reason; and a plain debit of the same amount, which returns
    // nothing.
    let returned = statement(
        "STMT-DAY-2",
        COLLECTION_IBAN,
        "",
        &[
            entry(
                "90.00",
                "EUR",
                "DBIT",
                "BOOK",
                &[detail(&format!(
                    "{}<RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf>",
                    structured(&rf)
                ))],
            ),
            entry(
                "90.00",
                "EUR",
                "DBIT",
                "BOOK",
                &[detail(&unstructured(&[&format!("Refund {rf}")]))],
            ),
        ],
    );
    let second = body(import(&app, &app.admin_token, &returned, None).await).await;
    let tx = second["transactions"].as_array().unwrap();
    assert_eq!(tx[0]["status"], "matched");
    assert_eq!(tx[0]["match_method"], "return");
    assert_eq!(
        tx[0]["reverses_transaction_id"],
        first["transactions"][0]["id"]
    );
    assert_eq!(tx[0]["reversal_indicator"], true);
    assert_eq!(
        tx[1]["status"], "unmatched",
        "a debit without a return mark returns nothing"
    );
    let payments = payments_of(&app, &member.token, text(&case["id"])).await;
    assert_eq!(payments.len(), 1);
    assert_eq!(payments[0]["status"], "reversed");
    assert!(text(&payments[0]["reversal"]["reason"]).contains("MD06"));
    // A return is final: it cannot be unmatched.
    let undo = app
        .post(
            &format!("/v1/bank-transactions/{}/unmatch", text(&tx[0]["id"])),
            &app.admin_token,
            &json!({"reason": "try"}),
        )
        .await;
    assert_problem(undo, 409).await;
}

async fn a_notification_pays_like_a_statement_and_an_oversized_file_is_refused(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Notice GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "NOTICE-1").await;
    let rf = text(&case["rf_reference"]).to_owned();
    // A camt.054.001.04 notification: the statement's shape under other names, no balances.
    let xml = statement(
        "NTFCTN-1",
        COLLECTION_IBAN,
        "",
        &[entry(
            "42.50",
            "EUR",
            "CRDT",
            "BOOK",
            &[detail(&unstructured(&[&format!("Payment {}", paper(&rf))]))],
        )],
    )
    .replace("camt.053.001.08", "camt.054.001.04")
    .replace("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")
    .replace("<Stmt>", "<Ntfctn>")
    .replace("</Stmt>", "</Ntfctn>");
    let response = import(&app, &app.admin_token, &xml, None).await;
    assert_eq!(response.status(), 201);
    let imported = body(response).await;
    assert_eq!(imported["message_type"], "camt.054.001.04");
    assert!(imported["opening_balance"].is_null());
    assert_eq!(imported["transactions"][0]["status"], "matched");
    assert_eq!(imported["transactions"][0]["match_method"], "text_rf");
    let paid = payments_of(&app, &member.token, text(&case["id"])).await;
    assert_eq!(paid[0]["amount"]["amount"], "42.50");

    // 20 MiB and one byte more.
    let oversized = format!("{xml}{}", " ".repeat(20 * 1024 * 1024 + 1 - xml.len()));
    let refused = import(&app, &app.admin_token, &oversized, None).await;
    assert_eq!(
        assert_problem(refused, 413).await["code"],
        "payload_too_large"
    );
}
