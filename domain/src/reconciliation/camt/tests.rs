use std::path::PathBuf;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::{CamtError, Direction, MessageKind, Statement, parse};
use crate::identifiers::CreditorReference;
use crate::money::{Currency, Money};

/// The real bank samples, kept beside the repository (`../shared/samples/camt/` from its root)
/// and never copied into it. CI lays them there; a missing folder is a failure, not a skip.
fn sample(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/samples/camt")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|err| {
        panic!(
            "the bank sample {} must be there (../shared/samples/camt/ from the repository \
             root): {err}",
            path.display()
        )
    })
}

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::parse("EUR").unwrap()).unwrap()
}

/// The signed sum of every transaction, as the statement moves the balance.
fn net(statement: &Statement) -> Decimal {
    statement
        .transactions
        .iter()
        .map(|tx| match tx.direction {
            Direction::Credit => tx.amount.amount(),
            Direction::Debit => -tx.amount.amount(),
        })
        .sum()
}

#[test]
fn abn_amro_every_detail_is_a_transaction_and_they_move_the_balance_as_stated() {
    let statement = parse(&sample(
        "04_abnamro_nl_camt053v02_13types_return_reject.xml",
    ))
    .unwrap();
    assert_eq!(statement.message_type(), "camt.053.001.02");
    assert_eq!(statement.message_id, "0574908765.2013-04-02");
    assert_eq!(statement.statement_id, "0574908765.2013-04-02");
    assert_eq!(
        statement.account.iban.as_deref(),
        Some("NL77ABNA0574908765")
    );
    assert_eq!(statement.entry_count, 13);
    // 26 TxDtls in 10 entries, and 3 entries without details (a domestic credit, the salary
    // batch and an SDD batch booked without details), each one transaction.
    assert_eq!(statement.transactions.len(), 29);
    // PRCD 1000.01 (no OPBD in the file) and CLBD 100.01.
    assert_eq!(statement.opening_balance, Some(eur(dec!(1000.01))));
    assert_eq!(statement.closing_balance, Some(eur(dec!(100.01))));
    assert_eq!(net(&statement), dec!(100.01) - dec!(1000.01));
    let batch: Vec<_> = statement
        .transactions
        .iter()
        .filter(|tx| tx.entry_number == 4)
        .collect();
    assert_eq!(batch.len(), 10, "the acceptgiro batch of 10");
    assert!(batch.iter().all(|tx| tx.amount == eur(dec!(1.00))
        && tx.creditor_references[0].reference == "1234567812345678"
        && tx.creditor_references[0].scheme.as_deref() == Some("SCOR")));
    // The SDD return: a debit with the reversal flag, which does not make it a credit.
    let returned = statement
        .transactions
        .iter()
        .find(|tx| tx.end_to_end_id.as_deref() == Some("1234567X908303804"))
        .unwrap();
    assert_eq!(returned.direction, Direction::Debit);
    assert!(returned.reversal);
    assert_eq!(returned.amount, eur(dec!(921.00)));
    assert_eq!(returned.return_reasons, ["MS03"]);
    assert_eq!(returned.counterparty_name.as_deref(), Some("Debtor"));
    assert_eq!(
        returned.counterparty_iban.as_deref(),
        Some("NL27ABNA0592326340")
    );
    assert_eq!(
        returned.bank_reference.as_deref(),
        Some("GB030000738195160AO")
    );
    // Ustrd with a line break and indentation inside reads as one line.
    let ideal = statement
        .transactions
        .iter()
        .find(|tx| tx.entry_number == 5)
        .unwrap();
    assert_eq!(
        ideal.remittance_text.as_deref(),
        Some("2305271368 0050001248302363 pid2305271368t Mud Masters Mud Masters")
    );
    assert!(
        statement
            .transactions
            .iter()
            .all(|tx| tx.end_to_end_id.as_deref() != Some("NOTPROVIDED"))
    );
}

#[test]
fn nordea_structured_rf_and_two_unstructured_lines() {
    let statement = parse(&sample("06_nordea_fi_camt053v02_rf_ustrd.xml")).unwrap();
    assert_eq!(statement.entry_count, 6);
    assert_eq!(statement.transactions.len(), 6);
    assert_eq!(statement.opening_balance, Some(eur(dec!(200.50))));
    assert_eq!(statement.closing_balance, Some(eur(dec!(8800.50))));
    assert_eq!(net(&statement), dec!(8800.50) - dec!(200.50));
    let two_lines = &statement.transactions[1];
    assert_eq!(
        two_lines.remittance_text.as_deref(),
        Some("Free text max 140 characters and ma x 35 characters in one line")
    );
    assert!(two_lines.end_to_end_id.is_none(), "NOTPROVIDED is no id");
    let rf = &statement.transactions[2];
    assert_eq!(rf.direction, Direction::Debit);
    assert_eq!(rf.creditor_references[0].reference, "RF332348236");
    assert_eq!(rf.creditor_references[0].issuer.as_deref(), Some("ISO"));
    assert!(CreditorReference::parse(&rf.creditor_references[0].reference).is_ok());
    assert_eq!(rf.end_to_end_id.as_deref(), Some("20190508-E123456"));
    assert!(statement.transactions.iter().all(|tx| tx.status == "BOOK"));
}

#[test]
fn wise_version_10_with_an_account_without_iban_and_a_new_style_status() {
    let statement = parse(&sample("11_wise_camt053v10_othr_account.xml")).unwrap();
    assert_eq!(statement.message_type(), "camt.053.001.10");
    assert_eq!(statement.account.iban, None);
    assert_eq!(statement.account.other.as_deref(), Some("11111111"));
    assert_eq!(statement.currency.code(), "USD");
    assert_eq!(statement.entry_count, 1);
    assert_eq!(statement.transactions.len(), 1);
    let tx = &statement.transactions[0];
    assert_eq!(tx.status, "BOOK");
    assert_eq!(tx.direction, Direction::Credit);
    assert_eq!(tx.amount.amount_string(), "195.86");
    assert_eq!(tx.amount.currency().code(), "USD");
    assert_eq!(tx.booking_date.unwrap().to_string(), "2023-06-21");
    assert_eq!(tx.bank_reference.as_deref(), Some("Test Buchung"));
    // Only the closing balance is given: nothing to reconcile the entries against.
    assert_eq!(statement.opening_balance, None);
    assert_eq!(statement.closing_balance.unwrap().amount_string(), "606.80");
}

fn document(namespace: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="{namespace}">{body}</Document>"#
    )
}

/// A camt.053.001.08 statement in the new shapes: `Sts/Cd`, `Dbtr/Pty/Nm`, a batch whose details
/// give their own amounts and signs.
const V08: &str = r#"<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr><Stmt><Id>S1</Id>
<Acct><Id><IBAN>DE89 3704 0044 0532 0130 00</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Ntry><Amt Ccy="EUR">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
<BookgDt><DtTm>2026-11-30T23:59:59+01:00</DtTm></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt>
<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>
<TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
<RltdPties><Dbtr><Pty><Nm>Globex GmbH</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE44500105175407324931</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>Invoice 17</Ustrd><Ustrd>RF18 5390 0754 7034</Ustrd></RmtInf></TxDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>OWN</Prtry></CdOrPrtry></Tp><Ref>X-9</Ref></CdtrRefInf></Strd></RmtInf>
<RtrInf><Rsn><Prtry>R1</Prtry></Rsn></RtrInf></TxDtls>
</NtryDtls></Ntry></Stmt></BkToCstmrStmt>"#;

#[test]
fn the_new_shapes_of_version_8_are_read() {
    let statement =
        parse(document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", V08).as_bytes()).unwrap();
    assert_eq!(statement.version, 8);
    assert_eq!(
        statement.account.iban.as_deref(),
        Some("DE89370400440532013000")
    );
    let [first, second] = statement.transactions.as_slice() else {
        panic!("two details: {:?}", statement.transactions);
    };
    assert_eq!(first.status, "PDNG");
    assert_eq!(first.amount, eur(dec!(10)));
    assert_eq!(second.amount, eur(dec!(20)));
    assert_eq!(first.booking_date.unwrap().to_string(), "2026-11-30");
    assert_eq!(first.value_date.unwrap().to_string(), "2026-12-01");
    assert_eq!(first.counterparty_name.as_deref(), Some("Globex GmbH"));
    assert_eq!(
        first.counterparty_iban.as_deref(),
        Some("DE44500105175407324931")
    );
    assert_eq!(
        first.remittance_text.as_deref(),
        Some("Invoice 17 RF18 5390 0754 7034")
    );
    assert_eq!(second.creditor_references[0].scheme.as_deref(), Some("OWN"));
    assert_eq!(second.return_reasons, ["R1"]);
    assert_eq!(first.end_to_end_id.as_deref(), Some("E2E-1"));
}

#[test]
fn a_notification_is_read_like_a_statement() {
    let body = V08
        .replace("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")
        .replace("<Stmt>", "<Ntfctn>")
        .replace("</Stmt>", "</Ntfctn>");
    let statement =
        parse(document("urn:iso:std:iso:20022:tech:xsd:camt.054.001.04", &body).as_bytes())
            .unwrap();
    assert_eq!(statement.kind, MessageKind::Notification);
    assert_eq!(statement.message_type(), "camt.054.001.04");
    assert_eq!(statement.transactions.len(), 2);
}

#[test]
fn every_version_from_2_to_10_is_read_and_none_outside() {
    for version in 2..=10 {
        for kind in ["053", "054"] {
            let body = if kind == "053" {
                V08.to_owned()
            } else {
                V08.replace("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")
                    .replace("<Stmt>", "<Ntfctn>")
                    .replace("</Stmt>", "</Ntfctn>")
            };
            let namespace = format!("urn:iso:std:iso:20022:tech:xsd:camt.{kind}.001.{version:02}");
            assert!(
                parse(document(&namespace, &body).as_bytes()).is_ok(),
                "{namespace}"
            );
        }
    }
    for namespace in [
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.01",
        "urn:iso:std:iso:20022:tech:xsd:camt.053.001.11",
        "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08",
        "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09",
        "",
    ] {
        let err = parse(document(namespace, V08).as_bytes()).unwrap_err();
        assert!(
            matches!(&err, CamtError::Unreadable { element, .. } if element == "Document"),
            "{namespace}: {err:?}"
        );
    }
}

#[test]
fn elements_of_another_namespace_are_not_read_as_ours() {
    // The statement in the camt namespace, its entry's sign in another one: it is missing.
    let body = V08.replacen(
        "<CdtDbtInd>CRDT</CdtDbtInd><Sts>",
        r#"<x:CdtDbtInd xmlns:x="urn:other">CRDT</x:CdtDbtInd><Sts>"#,
        1,
    );
    let err = parse(document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", &body).as_bytes())
        .unwrap_err();
    assert_eq!(
        err,
        CamtError::Unreadable {
            element: "Ntry[1]/CdtDbtInd".into(),
            problem: "missing".into()
        }
    );
}

#[test]
fn what_is_not_xml_and_what_is_not_understood_are_told_apart() {
    assert!(matches!(
        parse(b"amount;reference\n12.00;RF18"),
        Err(CamtError::NotXml(_))
    ));
    assert!(matches!(
        parse(b"<Document><Stmt>"),
        Err(CamtError::NotXml(_))
    ));
    assert!(matches!(parse(b"\xff\xfe<\x00"), Err(CamtError::NotXml(_))));
    let other_root = parse(b"<Invoice xmlns=\"urn:x\"/>").unwrap_err();
    assert!(matches!(other_root, CamtError::Unreadable { element, .. } if element == "Invoice"));
    let bad_sign = V08.replacen(
        "<CdtDbtInd>CRDT</CdtDbtInd><Sts>",
        "<CdtDbtInd>PLUS</CdtDbtInd><Sts>",
        1,
    );
    let err =
        parse(document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", &bad_sign).as_bytes())
            .unwrap_err();
    assert!(matches!(err, CamtError::Unreadable { element, .. } if element == "Ntry[1]/CdtDbtInd"));
    let bad_amount = V08.replacen(">10.00<", ">10,00<", 1);
    let err = parse(
        document(
            "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08",
            &bad_amount,
        )
        .as_bytes(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, CamtError::Unreadable { element, .. } if element == "Ntry[1]/NtryDtls/TxDtls[1]/Amt"),
        "{err:?}"
    );
    let no_amount = V08.replacen("<Amt Ccy=\"EUR\">10.00</Amt>", "", 1);
    let err =
        parse(document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", &no_amount).as_bytes())
            .unwrap_err();
    assert!(
        matches!(err, CamtError::Unreadable { element, .. } if element == "Ntry[1]/NtryDtls/TxDtls[1]/Amt")
    );
}

#[test]
fn no_entity_is_ever_expanded() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&lol2;</Document>"#;
    let err = parse(laughs.as_bytes()).unwrap_err();
    assert!(matches!(err, CamtError::Unreadable { element, .. } if element == "!DOCTYPE"));
    let external =
        r#"<?xml version="1.0"?><!DOCTYPE Document SYSTEM "file:///etc/passwd"><Document/>"#;
    assert!(matches!(
        parse(external.as_bytes()).unwrap_err(),
        CamtError::Unreadable { element, .. } if element == "!DOCTYPE"
    ));
}

#[test]
fn two_statements_in_one_file_are_refused_by_name() {
    let two = V08.replacen(
        "</Stmt>",
        "</Stmt><Stmt><Id>S2</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct></Stmt>",
        1,
    );
    let err = parse(document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", &two).as_bytes())
        .unwrap_err();
    assert!(matches!(err, CamtError::Unreadable { element, .. } if element == "Stmt"));
}
