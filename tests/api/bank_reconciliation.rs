//! Bank reconciliation over HTTP: statements built here for cases the tests place (structured
//! and free-text RF references, a batch, a return, another currency, a mistyped RF, a pending
//! entry), the real bank samples in `../shared/samples/camt/`, the refusals, and the hand work.

use reqwest::Response;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app, spawn_app_with};

both_backends!(
    a_statement_pays_placed_cases_by_rf_and_a_return_reverses_one,
    a_statement_is_booked_once_and_a_retry_with_its_key_is_replayed,
    a_return_on_a_later_statement_is_found_by_amount_and_reference,
    a_notification_pays_like_a_statement_and_an_oversized_file_is_refused,
    real_statements_of_three_banks_are_read_whole,
    a_file_that_is_not_understood_is_refused_and_nothing_is_kept,
    a_person_matches_splits_unmatches_and_ignores,
);

/// The agency's euro collection account.
const COLLECTION_IBAN: &str = "DE89370400440532013000";

fn with_collection_account(config: &mut solvo_api::ServerConfig) {
    config.collection_accounts = Some(
        json!([{
            "currency": "EUR",
            "holder": "Test Agency",
            "iban": COLLECTION_IBAN,
            "bic": "COBADEFFXXX",
            "bank": "Commerzbank"
        }])
        .to_string(),
    );
}

/// A camt.053.001.08 statement of `iban` with `entries`.
fn statement(id: &str, iban: &str, balances: &str, entries: &[String]) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>2026-11-30T18:00:00Z</CreDtTm></GrpHdr>
<Stmt><Id>{id}</Id><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>{balances}
{}
</Stmt></BkToCstmrStmt></Document>"#,
        entries.concat()
    )
}

fn balance(code: &str, amount: &str) -> String {
    format!(
        r#"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>"#
    )
}

/// One entry: `sign` CRDT or DBIT, `status` in the .07+ shape, `extra` after the status
/// (reversal flag), and its transaction details.
fn entry(amount: &str, currency: &str, sign: &str, status: &str, details: &[String]) -> String {
    format!(
        r#"<Ntry><Amt Ccy="{currency}">{amount}</Amt><CdtDbtInd>{sign}</CdtDbtInd>{}<Sts><Cd>{status}</Cd></Sts>
<BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt><AcctSvcrRef>BANK-{amount}</AcctSvcrRef>
<NtryDtls>{}</NtryDtls></Ntry>"#,
        if sign == "DBIT" && details.iter().any(|d| d.contains("<RtrInf>")) {
            "<RvslInd>true</RvslInd>"
        } else {
            ""
        },
        details.concat()
    )
}

/// A transaction detail; `inner` holds its references, parties and remittance information.
fn detail(inner: &str) -> String {
    format!("<TxDtls>{inner}</TxDtls>")
}

fn structured(reference: &str) -> String {
    format!(
        "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>"
    )
}

fn payer(name: &str, iban: &str) -> String {
    format!(
        "<RltdPties><Dbtr><Pty><Nm>{name}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct></RltdPties>"
    )
}

fn unstructured(lines: &[&str]) -> String {
    let lines: String = lines
        .iter()
        .map(|line| format!("<Ustrd>{line}</Ustrd>"))
        .collect();
    format!("<RmtInf>{lines}</RmtInf>")
}

/// The paper form of an RF reference, in groups of four.
fn paper(rf: &str) -> String {
    rf.chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The RF reference with its check digits changed: a typo the check must catch.
fn mistyped(rf: &str) -> String {
    let digits: u8 = rf[2..4].parse().unwrap();
    let other = if digits == 98 { 97 } else { digits + 1 };
    format!("RF{other:02}{}", &rf[4..])
}

async fn import(app: &TestApp, token: &str, xml: &str, key: Option<&str>) -> Response {
    let mut request = app
        .client
        .post(app.url("/v1/bank-statements"))
        .bearer_auth(token)
        .header("content-type", "application/xml")
        .body(xml.to_owned());
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.unwrap()
}

async fn payments_of(app: &TestApp, token: &str, case_id: &str) -> Vec<Value> {
    body(
        app.get(&format!("/v1/cases/{case_id}/payments"), token)
            .await,
    )
    .await["data"]
        .as_array()
        .unwrap()
        .clone()
}

async fn listed(app: &TestApp, status: &str) -> Vec<Value> {
    let response = app
        .get(
            &format!("/v1/bank-transactions?status={status}"),
            &app.admin_token,
        )
        .await;
    assert_eq!(response.status(), 200);
    body(response).await["data"].as_array().unwrap().clone()
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
}

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

/// Reads a real bank sample from `../shared/samples/camt/` beside the repository; CI lays the
/// folder there, so a missing one fails the test.
fn sample(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/samples/camt")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "the bank sample {} must be there (../shared/samples/camt/ from the repository \
             root): {err}",
            path.display()
        )
    })
}

/// An amount string such as `"921.00"` in cents.
fn cents(amount: &Value) -> i64 {
    let (whole, fraction) = text(amount).split_once('.').unwrap();
    whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}

/// What the transactions move the balance by, in cents.
fn net(transactions: &[Value]) -> i64 {
    transactions
        .iter()
        .map(|tx| match text(&tx["direction"]) {
            "credit" => cents(&tx["amount"]["amount"]),
            _ => -cents(&tx["amount"]["amount"]),
        })
        .sum()
}

async fn real_statements_of_three_banks_are_read_whole(backend: Backend) {
    let app = spawn_app(backend).await;
    // (file, entries, transaction details (an entry without details counts as one), opening and
    // closing balance in cents as the file states them; None where it gives no opening).
    let samples = [
        (
            "04_abnamro_nl_camt053v02_13types_return_reject.xml",
            13,
            29,
            Some(100_001),
            10_001,
        ),
        (
            "06_nordea_fi_camt053v02_rf_ustrd.xml",
            6,
            6,
            Some(20_050),
            880_050,
        ),
        ("11_wise_camt053v10_othr_account.xml", 1, 1, None, 60_680),
    ];
    for (file, entries, details, opening, closing) in samples {
        let response = import(&app, &app.admin_token, &sample(file), None).await;
        let status = response.status();
        let imported = body(response).await;
        assert_eq!(status, 201, "{file}: {imported}");
        assert_eq!(imported["entry_count"], entries, "{file}");
        let tx = imported["transactions"].as_array().unwrap();
        assert_eq!(tx.len(), details, "{file}");
        assert_eq!(cents(&imported["closing_balance"]["amount"]), closing);
        match opening {
            Some(opening) => {
                assert_eq!(cents(&imported["opening_balance"]["amount"]), opening);
                assert_eq!(
                    net(tx),
                    closing - opening,
                    "{file}: every cent accounted for"
                );
            }
            None => assert!(imported["opening_balance"].is_null()),
        }
        // No configured collection account and no case placed: nothing is booked.
        assert_eq!(imported["collection_account"], false, "{file}");
        assert!(tx.iter().all(|t| t["status"] != "matched"), "{file}");
    }
    let abn = listed(&app, "review").await;
    // The SDD reject and return of the ABN AMRO file are returns with nothing to return.
    assert_eq!(abn.len(), 2, "{abn:?}");
    assert!(abn.iter().all(|t| t["direction"] == "debit"));
    let wise = listed(&app, "unmatched")
        .await
        .into_iter()
        .find(|t| t["bank_reference"] == "Test Buchung")
        .unwrap();
    assert_eq!(
        wise["amount"],
        json!({"amount": "195.86", "currency": "USD"})
    );
    assert_eq!(wise["booking_date"], "2023-06-21");
}

async fn a_file_that_is_not_understood_is_refused_and_nothing_is_kept(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Refusal GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let case = app.place_case(&member.token, "REFUSE-1").await;
    let paying = entry(
        "10.00",
        "EUR",
        "CRDT",
        "BOOK",
        &[detail(&structured(text(&case["rf_reference"])))],
    );

    let csv = import(&app, &app.admin_token, "amount;reference\n10.00;RF18", None).await;
    assert_eq!(assert_problem(csv, 400).await["code"], "not_xml");

    let other = statement("S-2", COLLECTION_IBAN, "", std::slice::from_ref(&paying))
        .replace("camt.053.001.08", "camt.053.001.11");
    let problem = assert_problem(import(&app, &app.admin_token, &other, None).await, 422).await;
    assert_eq!(problem["code"], "statement_unreadable");
    assert_eq!(problem["element"], "Document");

    // The first entry pays the case, the second has no sign: the whole file is refused.
    let unsigned =
        entry("5.00", "EUR", "CRDT", "BOOK", &[]).replace("<CdtDbtInd>CRDT</CdtDbtInd>", "");
    let half = statement("S-3", COLLECTION_IBAN, "", &[paying.clone(), unsigned]);
    let problem = assert_problem(import(&app, &app.admin_token, &half, None).await, 422).await;
    assert_eq!(problem["code"], "statement_unreadable");
    assert_eq!(problem["element"], "Ntry[2]/CdtDbtInd");

    let entity = format!(
        r#"<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x "RF18">]>{}"#,
        statement("S-4", COLLECTION_IBAN, "", std::slice::from_ref(&paying))
            .trim_start_matches(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
    );
    let problem = assert_problem(import(&app, &app.admin_token, &entity, None).await, 422).await;
    assert_eq!(problem["element"], "!DOCTYPE");

    let as_json = app
        .client
        .post(app.url("/v1/bank-statements"))
        .bearer_auth(&app.admin_token)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(as_json, 415).await;
    let good = statement("S-5", COLLECTION_IBAN, "", std::slice::from_ref(&paying));
    assert_problem(import(&app, &admin.token, &good, None).await, 403).await;

    assert!(
        payments_of(&app, &member.token, text(&case["id"]))
            .await
            .is_empty()
    );
    for status in ["matched", "unmatched", "review", "ignored"] {
        assert!(listed(&app, status).await.is_empty(), "{status}");
    }
}

async fn a_person_matches_splits_unmatches_and_ignores(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Hand GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let a = app.place_case(&member.token, "HAND-1").await;
    let b = app.place_case(&member.token, "HAND-2").await;
    let xml = statement(
        "STMT-HAND",
        COLLECTION_IBAN,
        "",
        &[
            entry(
                "300.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("Somebody Else", "NL91ABNA0417164300"),
                    unstructured(&["Thank you"])
                ))],
            ),
            // An invoice number and the debtor's name.
            entry(
                "120.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("GLOBEX GMBH", "DE44500105175407324931"),
                    unstructured(&["Invoice HAND-1-INV-1"])
                ))],
            ),
            // The creditor's case reference, but from someone who is not the debtor.
            entry(
                "50.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("Initech AG", "NL91ABNA0417164300"),
                    unstructured(&["HAND-2"])
                ))],
            ),
            entry(
                "20.00",
                "EUR",
                "DBIT",
                "BOOK",
                &[detail(&unstructured(&["Account fee"]))],
            ),
        ],
    );
    let response = import(&app, &app.admin_token, &xml, None).await;
    assert_eq!(response.status(), 201);
    let tx = body(response).await["transactions"]
        .as_array()
        .unwrap()
        .clone();
    let status: Vec<&str> = tx.iter().map(|t| text(&t["status"])).collect();
    assert_eq!(status, ["unmatched", "matched", "unmatched", "unmatched"]);
    assert_eq!(tx[1]["match_method"], "reference_and_debtor");
    assert_eq!(tx[1]["case_id"], a["id"]);
    assert!(text(&tx[2]["status_reason"]).contains(text(&b["id"])));
    let id = |n: usize| text(&tx[n]["id"]).to_owned();
    let action = |n: usize, what: &str| format!("/v1/bank-transactions/{}/{what}", id(n));

    let short = app
        .post(
            &action(2, "match"),
            &app.admin_token,
            &json!({"splits": [{"case_id": a["id"], "amount": "10.00"}, {"case_id": b["id"], "amount": "10.00"}]}),
        )
        .await;
    let problem = assert_problem(short, 422).await;
    assert_eq!(problem["errors"][0]["code"], "does_not_add_up");
    let unknown = app
        .post(
            &action(2, "match"),
            &app.admin_token,
            &json!({"case_id": "case_missing"}),
        )
        .await;
    assert_eq!(
        assert_problem(unknown, 422).await["errors"][0]["code"],
        "unknown_case"
    );
    let debit = app
        .post(
            &action(3, "match"),
            &app.admin_token,
            &json!({"case_id": a["id"]}),
        )
        .await;
    assert_problem(debit, 409).await;

    let split = app
        .post(
            &action(0, "match"),
            &app.admin_token,
            &json!({"splits": [{"case_id": a["id"], "amount": "100.00"}, {"case_id": b["id"], "amount": "200.00"}]}),
        )
        .await;
    assert_eq!(split.status(), 200);
    let split = body(split).await;
    assert_eq!(split["status"], "matched");
    assert_eq!(split["match_method"], "manual");
    assert!(split["case_id"].is_null(), "two cases: see matches");
    let parts: Vec<(&str, &str)> = split["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (text(&m["case_id"]), text(&m["amount"]["amount"])))
        .collect();
    assert_eq!(
        parts,
        [(text(&a["id"]), "100.00"), (text(&b["id"]), "200.00")]
    );
    let paid_a: Vec<String> = payments_of(&app, &member.token, text(&a["id"]))
        .await
        .iter()
        .map(|p| text(&p["amount"]["amount"]).to_owned())
        .collect();
    assert_eq!(paid_a, ["120.00", "100.00"]);
    assert_eq!(
        payments_of(&app, &member.token, text(&b["id"])).await[0]["amount"]["amount"],
        "200.00"
    );

    let undone = app
        .post(
            &action(0, "unmatch"),
            &app.admin_token,
            &json!({"reason": "Split the wrong way"}),
        )
        .await;
    assert_eq!(undone.status(), 200);
    let undone = body(undone).await;
    assert_eq!(undone["status"], "unmatched");
    assert_eq!(undone["matches"], json!([]));
    assert_eq!(undone["status_reason"], "Split the wrong way");
    let paid_b = payments_of(&app, &member.token, text(&b["id"])).await;
    assert_eq!(paid_b[0]["status"], "reversed");
    assert!(text(&paid_b[0]["reversal"]["reason"]).contains("Split the wrong way"));
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline", text(&b["id"])),
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
    assert!(
        kinds.ends_with(&[
            "record_payment",
            "bank_transaction_matched",
            "payment_reversed",
            "bank_transaction_unmatched"
        ]),
        "{kinds:?}"
    );

    let blank = app
        .post(
            &action(3, "ignore"),
            &app.admin_token,
            &json!({"reason": " "}),
        )
        .await;
    assert_problem(blank, 422).await;
    let ignored = app
        .post(
            &action(3, "ignore"),
            &app.admin_token,
            &json!({"reason": "The bank's account fee"}),
        )
        .await;
    assert_eq!(ignored.status(), 200);
    assert_eq!(body(ignored).await["status"], "ignored");
    let ignored = listed(&app, "ignored").await;
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0]["id"], id(3).as_str());
    let matched = app
        .post(
            &action(1, "ignore"),
            &app.admin_token,
            &json!({"reason": "no"}),
        )
        .await;
    assert_problem(matched, 409).await;

    let bogus = app
        .get("/v1/bank-transactions?status=bogus", &app.admin_token)
        .await;
    assert_problem(bogus, 422).await;
    let creditors = app.get("/v1/bank-transactions", &member.token).await;
    assert_problem(creditors, 403).await;
    let missing = app
        .get("/v1/bank-transactions/btx_missing", &app.admin_token)
        .await;
    assert_problem(missing, 404).await;
    let one = body(
        app.get(
            &format!("/v1/bank-transactions/{}", id(1)),
            &app.admin_token,
        )
        .await,
    )
    .await;
    assert_eq!(one["payment_id"], tx[1]["payment_id"]);
}
