//! Bank reconciliation over HTTP: statements built here for cases the tests place (structured
//! and free-text RF references, a batch, a return, another currency, a mistyped RF, a pending
//! entry), the real bank samples in `../shared/samples/camt/`, the refusals, and the hand work.

use reqwest::Response;
use serde_json::{Value, json};
use std::fmt::Write as _;

use crate::helpers::{TestApp, body};

mod files;
mod hand_work;
mod matching;

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
    let lines = lines.iter().fold(String::new(), |mut xml, line| {
        write!(xml, "<Ustrd>{line}</Ustrd>").unwrap();
        xml
    });
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
